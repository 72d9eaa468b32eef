using System.Globalization;

namespace Steunpunt.Web;

/// <summary>Dutch formatting of dates and names of days for public pages.</summary>
public static class Dutch
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static string DayName(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);
}
