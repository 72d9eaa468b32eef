using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Questions.Surface;
using Steunpunt.Stories.Surface;
using Steunpunt.Tenancy;

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
public sealed class BoardReport(SteunpuntDb db, CaseCounts cases, ReviewedStories stories, IOptions<SignalsOptions> options, ThemeNames themeNames)
{
    public sealed record Row(string Label, int Count, int Previous);

    /// <summary>One dimension; Total is null when a contact can have several values (themes, help given).</summary>
    public sealed record Dimension(string Title, int? Total, int? PreviousTotal, IReadOnlyList<Row> Rows);

    public sealed record SignalLine(Guid Id, string Title, SignalStatus Status, string BoardResponse, int Contacts, int Stories);

    public sealed record Report(Partnership Swv, ReportPeriod Period, int Total, int PreviousTotal, IReadOnlyList<Dimension> Dimensions,
        IReadOnlyList<SignalLine> Signals, IReadOnlyList<string> Quotes, bool SharesUnknownPhase, int Threshold);

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

        return new Report(swv, period, now.Total, before.Total, dimensions,
            [.. signals.OrderByDescending(s => s.Contacts + s.Stories).ThenBy(s => s.Title, StringComparer.Ordinal).Take(5)],
            quotes, shared, Threshold);
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
    public static (DateTimeOffset From, DateTimeOffset Until) Instants(ReportPeriod period)
    {
        var zone = Dutch.TimeZone;
        DateTimeOffset At(DateOnly d)
        {
            var local = d.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }
        return (At(period.From), At(period.Until));
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
