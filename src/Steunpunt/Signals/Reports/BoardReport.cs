using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Questions.Surface;
using Steunpunt.Stories.Surface;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;

namespace Steunpunt.Signals.Reports;

/// <summary>Settings of the Signaleren pillar (section "Signals").</summary>
public sealed class SignalsOptions
{
    public const string Section = "Signals";

    /// <summary>Counts below this are shown as "&lt;5" (with the default), with secondary suppression.</summary>
    [System.ComponentModel.DataAnnotations.Range(2, 100)]
    public int SmallCellThreshold { get; set; } = 5;
}

/// <summary>
/// The board report of one SWV over one period: contacts by theme, channel, requester, phase, help given, outcome
/// and gemeente, each against the previous period; reply-time performance; the top signals; chosen redacted quotes.
/// Counting happens in the database (one GROUP BY per dimension); only counts leave it, never a case.
/// </summary>
public sealed class BoardReport(SteunpuntDb db, CaseCounts cases, ReviewedStories stories, IOptions<SignalsOptions> options, ThemeNames themeNames,
    TimeProvider clock)
{
    public sealed record Row(string Label, int Count, int Previous);

    /// <summary>One dimension; Total is null when a contact can have several values (themes, help given).</summary>
    public sealed record Dimension(string Title, int? Total, int? PreviousTotal, IReadOnlyList<Row> Rows);

    public sealed record SignalLine(Guid Id, string Title, SignalStatus Status, string BoardResponse, int Contacts, int Stories);

    /// <summary>Months: contacts per month of the period, in order, against the same month a year earlier;
    /// Pupils: the SWV's pupils by DUO's register (null when unknown).</summary>
    public sealed record Report(Partnership Swv, ReportPeriod Period, int Total, int PreviousTotal, IReadOnlyList<Dimension> Dimensions,
        IReadOnlyList<SignalLine> Signals, IReadOnlyList<string> Quotes, bool SharesUnknownPhase, int Threshold,
        IReadOnlyList<Row> Months, int? Pupils);

    public int Threshold => options.Value.SmallCellThreshold;

    public async Task<Report> BuildAsync(Partnership swv, ReportPeriod period, CancellationToken ct = default)
    {
        // A steunpunt serving a PO and a VO partnership reports each its own sector (and the contacts of unknown sector to both).
        var shared = await db.Set<Partnership>().CountAsync(ct) > 1;
        Sector? sector = shared ? swv.Sector : null;
        var (from, until) = Instants(period);
        var (previousFrom, previousUntil) = Instants(period.Previous());
        var now = await cases.CountAsync(from, until, sector, ct);
        var before = await cases.CountAsync(previousFrom, previousUntil, sector, ct);
        var themes = await themeNames.ByCodeAsync(ct);
        string ThemeName(string? code) => code is null ? "Geen thema gekozen" : themes.GetValueOrDefault(code, code);

        var dimensions = new List<Dimension>
        {
            Merge("Thema's", null, null, now.Themes.Select(t => (ThemeName(t.Code), t.Count)), before.Themes.Select(t => (ThemeName(t.Code), t.Count))),
            Merge("Kanaal", now.Total, before.Total, now.Channels, before.Channels),
            Merge("Wie nam contact op", now.Total, before.Total, now.Requesters, before.Requesters),
            Merge("Schoolsoort", now.Total, before.Total, now.Phases, before.Phases),
            Merge("Geboden hulp", null, null, now.HelpGiven, before.HelpGiven),
            Merge("Uitkomst", now.Total, before.Total, now.Outcomes, before.Outcomes),
            Merge("Gemeente", now.Total, before.Total, now.Gemeenten, before.Gemeenten),
            Merge("Antwoordtijd (vragen via het formulier)", now.ReplyTimes.Sum(a => a.Count), before.ReplyTimes.Sum(a => a.Count),
                now.ReplyTimes, before.ReplyTimes),
        };

        var signals = await db.Signals.AsNoTracking().Where(s => s.PartnershipId == null || s.PartnershipId == swv.Id)
            .Select(s => new SignalLine(s.Id, s.Title, s.Status, s.BoardResponse, s.Links.Count(l => l.CaseId != null), s.Links.Count(l => l.StoryId != null)))
            .ToListAsync(ct);
        var quotes = await stories.QuotesAsync(from, until, sector, 5, ct);

        // Months that have not begun yet are left out: a running period shows its trend so far, not a row of zeros.
        var today = WorkingDays.DutchDate(clock.GetUtcNow());
        var months = Months(period).Where(m => m.From <= today).ToList();
        var monthsNow = await cases.PerSpanAsync([.. months.Select(m => Instants(m.From, m.Until))], sector, ct);
        var monthsBefore = await cases.PerSpanAsync([.. months.Select(m => Instants(m.From.AddYears(-1), m.Until.AddYears(-1)))], sector, ct);
        var monthRows = months.Select((m, i) => new Row(m.Label, monthsNow[i], monthsBefore[i])).ToList();

        // Pupils of the SWV's open school locations, as DUO's register counts them (national data, by the SWV's code).
        int? pupils = null;
        if (swv.Code is { Length: > 0 } code)
        {
            var sum = await db.RegisterSchools.AsNoTracking().Where(s => s.SwvCode == code && s.ClosedAt == null && s.Pupils != null)
                .SumAsync(s => (int?)s.Pupils, ct);
            pupils = sum is > 0 ? sum : null;
        }

        return new Report(swv, period, now.Total, before.Total, dimensions,
            [.. signals.OrderByDescending(s => s.Contacts + s.Stories).ThenBy(s => s.Title, StringComparer.Ordinal).Take(5)],
            quotes, shared, Threshold, monthRows, pupils);
    }

    /// <summary>The months of a period, labelled "augustus 2025".</summary>
    public static IReadOnlyList<(string Label, DateOnly From, DateOnly Until)> Months(ReportPeriod period)
    {
        var list = new List<(string, DateOnly, DateOnly)>();
        for (var m = period.From; m < period.Until; m = m.AddMonths(1))
        {
            list.Add((m.ToString("MMMM yyyy", Dutch.Culture), m, m.AddMonths(1)));
        }
        return list;
    }

    /// <summary>National totals over every steunpunt (the national monitor): contacts by channel and theme.</summary>
    public async Task<(int Total, IReadOnlyList<(string Label, int Count)> Channels, IReadOnlyList<(string Label, int Count)> Themes)> NationalTotalsAsync(
        ReportPeriod period, CancellationToken ct = default)
    {
        var (from, until) = Instants(period);
        var counts = await cases.NationalAsync(from, until, ct);
        var themes = await themeNames.ByCodeAsync(ct);
        return (counts.Total,
            [.. counts.Channels.Select(c => (c.Label, c.Count))],
            [.. counts.Themes.Select(t => (t.Code is null ? "Geen thema gekozen" : themes.GetValueOrDefault(t.Code, t.Code), t.Count))]);
    }

    /// <summary>Period bounds as instants: midnight in the Netherlands.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Instants(ReportPeriod period) => Instants(period.From, period.Until);

    public static (DateTimeOffset From, DateTimeOffset Until) Instants(DateOnly fromDay, DateOnly untilDay)
    {
        var zone = Dutch.TimeZone;
        DateTimeOffset At(DateOnly d)
        {
            var local = d.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }
        return (At(fromDay), At(untilDay));
    }

    private static Dimension Merge(string title, int? total, int? previousTotal, IEnumerable<CaseCounts.Row> now, IEnumerable<CaseCounts.Row> before) =>
        Merge(title, total, previousTotal, now.Select(n => (n.Label, n.Count)), before.Select(b => (b.Label, b.Count)));

    private static Dimension Merge(string title, int? total, int? previousTotal, IEnumerable<(string Label, int Count)> now, IEnumerable<(string Label, int Count)> before)
    {
        var current = now.GroupBy(n => n.Label).ToDictionary(g => g.Key, g => g.Sum(n => n.Count));
        var previous = before.GroupBy(b => b.Label).ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
        var rows = current.Keys.Union(previous.Keys)
            .Select(label => new Row(label, current.GetValueOrDefault(label), previous.GetValueOrDefault(label)))
            .Where(r => r.Count > 0 || r.Previous > 0)
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        return new Dimension(title, total, previousTotal, rows);
    }
}
