using System.Globalization;
using System.Text.RegularExpressions;

namespace Steunpunt.Signals.Reports;

/// <summary>A report period: a quarter ("2026-K3") or a school year ("2025-2026", 1 August to 31 July).</summary>
public sealed partial record ReportPeriod(string Key, string Label, DateOnly From, DateOnly Until)
{
    public static ReportPeriod? Parse(string? key)
    {
        if (key is null)
        {
            return null;
        }
        if (QuarterKey().Match(key) is { Success: true } q)
        {
            var year = int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture);
            var quarter = int.Parse(q.Groups[2].Value, CultureInfo.InvariantCulture);
            if (year is < 2000 or > 2100)
            {
                return null;
            }
            var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
            return new ReportPeriod(key, $"{quarter}e kwartaal {year}", from, from.AddMonths(3));
        }
        if (SchoolYearKey().Match(key) is { Success: true } y)
        {
            var first = int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture);
            if (int.Parse(y.Groups[2].Value, CultureInfo.InvariantCulture) != first + 1 || first is < 2000 or > 2100)
            {
                return null;
            }
            return new ReportPeriod(key, $"schooljaar {first}-{first + 1}", new DateOnly(first, 8, 1), new DateOnly(first + 1, 8, 1));
        }
        return null;
    }

    public static ReportPeriod CurrentQuarter(DateOnly today) => Parse($"{today.Year}-K{((today.Month - 1) / 3) + 1}")!;

    public static ReportPeriod CurrentSchoolYear(DateOnly today)
    {
        var first = today.Month >= 8 ? today.Year : today.Year - 1;
        return Parse($"{first}-{first + 1}")!;
    }

    public bool IsSchoolYear => Key.Length == 9;

    public ReportPeriod Previous()
    {
        if (IsSchoolYear)
        {
            return Parse($"{From.Year - 1}-{From.Year}")!;
        }
        var before = From.AddMonths(-3);
        return Parse($"{before.Year}-K{((before.Month - 1) / 3) + 1}")!;
    }

    /// <summary>The periods a staff member or board member can choose from: recent quarters and school years.</summary>
    public static IReadOnlyList<ReportPeriod> Choices(DateOnly today)
    {
        var list = new List<ReportPeriod>();
        var q = CurrentQuarter(today);
        for (var i = 0; i < 8; i++, q = q.Previous())
        {
            list.Add(q);
        }
        var y = CurrentSchoolYear(today);
        for (var i = 0; i < 3; i++, y = y.Previous())
        {
            list.Add(y);
        }
        return list;
    }

    [GeneratedRegex(@"^(\d{4})-K([1-4])$")]
    private static partial Regex QuarterKey();

    [GeneratedRegex(@"^(\d{4})-(\d{4})$")]
    private static partial Regex SchoolYearKey();
}
