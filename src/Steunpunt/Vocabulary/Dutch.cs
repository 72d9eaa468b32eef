using System.Globalization;

namespace Steunpunt.Vocabulary;

/// <summary>The Dutch calendar as the app speaks it: the time zone, dates and names of days (see also <see cref="WorkingDays"/>
/// for public holidays and reply deadlines, and <see cref="Closure"/> for a steunpunt's own closed days).</summary>
public static class Dutch
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"1 contact", "2 contacten", "0 contacten".</summary>
    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";

    public static string DayName(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>"donderdag 26 november 2026".</summary>
    public static string DayAndDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>The Netherlands' time zone: dates, deadlines and report periods are Dutch days.</summary>
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>"23 november 2026, 14:05" in Dutch time.</summary>
    /// <summary>Midnight at the start of a Dutch calendar day, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static string Moment(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone).ToString("d MMMM yyyy, HH:mm", Culture);

    /// <summary>"0123 45 67 89" → "tel:0123456789", for links that phones can dial.</summary>
    public static string TelephoneLink(string phone) =>
        "tel:" + new string(phone.Where(c => char.IsDigit(c) || c == '+').ToArray());
}
