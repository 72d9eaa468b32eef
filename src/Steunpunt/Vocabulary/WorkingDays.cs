namespace Steunpunt.Vocabulary;

/// <summary>
/// The reply-time clock: working days are Monday to Friday, minus Dutch public holidays and the steunpunt's own
/// closures. A question received on day D is due by the end of the n-th working day after D.
/// </summary>
public static class WorkingDays
{
    /// <summary>The Dutch calendar date of an instant.</summary>
    public static DateOnly DutchDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Dutch.TimeZone).DateTime);

    public static DateOnly DueOn(DateOnly received, int workingDays, IReadOnlyCollection<(DateOnly From, DateOnly To)> closures)
    {
        var day = received;
        var counted = 0;
        while (counted < Math.Max(1, workingDays))
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, closures))
            {
                counted++;
            }
        }
        return day;
    }

    public static bool IsWorkingDay(DateOnly day, IReadOnlyCollection<(DateOnly From, DateOnly To)> closures) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !IsPublicHoliday(day)
        && !closures.Any(c => day >= c.From && day <= c.To);

    /// <summary>Dutch public holidays (Algemene termijnenwet): Nieuwjaarsdag, Pasen, Koningsdag, Hemelvaart, Pinksteren,
    /// Kerst, and Bevrijdingsdag in lustrum years (when most collective agreements give the day off). Goede Vrijdag
    /// is not counted: it is not a general day off.</summary>
    public static bool IsPublicHoliday(DateOnly day)
    {
        var easter = EasterSunday(day.Year);
        var kingsDay = new DateOnly(day.Year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday)
        {
            kingsDay = kingsDay.AddDays(-1);
        }
        return (day.Month, day.Day) is (1, 1) or (12, 25) or (12, 26)
            || day == easter || day == easter.AddDays(1)
            || day == kingsDay
            || (day.Month == 5 && day.Day == 5 && day.Year % 5 == 0)
            || day == easter.AddDays(39)
            || day == easter.AddDays(49) || day == easter.AddDays(50);
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var dayOfMonth = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, dayOfMonth);
    }
}
