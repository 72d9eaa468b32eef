using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Questions;
using Steunpunt.Stories;
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
public sealed class BoardReport(SteunpuntDb db, IOptions<SignalsOptions> options)
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
        var partnerships = await db.Set<Partnership>().CountAsync(ct);
        var scope = partnerships > 1 ? db.Cases.Where(c => c.Sector == swv.Sector || c.Sector == Sector.Onbekend) : db.Cases;
        var now = await CountAsync(scope, period, ct);
        var before = await CountAsync(scope, period.Previous(), ct);
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);

        var dimensions = new List<Dimension>
        {
            Merge("Thema's", null, null, Expand(now.Themes, s => s.Split(',', StringSplitOptions.RemoveEmptyEntries), c => themes.GetValueOrDefault(c, c)),
                Expand(before.Themes, s => s.Split(',', StringSplitOptions.RemoveEmptyEntries), c => themes.GetValueOrDefault(c, c))),
            Merge("Kanaal", now.Total, before.Total, Label(now.Channels, CaseLabels.Channel), Label(before.Channels, CaseLabels.Channel)),
            Merge("Wie nam contact op", now.Total, before.Total, Label(now.Roles, CaseLabels.Role), Label(before.Roles, CaseLabels.Role)),
            Merge("Schoolsoort", now.Total, before.Total, Label(now.Phases, PhaseLabel), Label(before.Phases, PhaseLabel)),
            Merge("Geboden hulp", null, null, Flags(now.Help, CaseLabels.Help), Flags(before.Help, CaseLabels.Help)),
            Merge("Uitkomst", now.Total, before.Total, Label(now.Outcomes, CaseLabels.Outcome), Label(before.Outcomes, CaseLabels.Outcome)),
            Merge("Gemeente", now.Total, before.Total, Label(now.Gemeenten, g => g.Length == 0 ? "Onbekend" : g), Label(before.Gemeenten, g => g.Length == 0 ? "Onbekend" : g)),
            Merge("Antwoordtijd (vragen via het formulier)", now.Answered.Sum(a => a.Count), before.Answered.Sum(a => a.Count),
                Label(now.Answered, OnTimeLabel), Label(before.Answered, OnTimeLabel)),
        };

        var signals = await db.Signals.AsNoTracking().Where(s => s.PartnershipId == null || s.PartnershipId == swv.Id)
            .Select(s => new SignalLine(s.Id, s.Title, s.Status, s.BoardResponse, s.Links.Count(l => l.CaseId != null), s.Links.Count(l => l.StoryId != null)))
            .ToListAsync(ct);
        var (from, until) = Instants(period);
        var quotes = (await db.Stories.AsNoTracking()
                .Where(s => s.ReviewedAt != null && s.MayQuote && s.UseAsQuote && s.ReceivedAt >= from && s.ReceivedAt < until)
                .OrderByDescending(s => s.ReceivedAt).Take(50).ToListAsync(ct))
            .Where(s => partnerships <= 1 || Sectors.Of(s.Phase) is var sector && (sector == swv.Sector || sector == Sector.Onbekend))
            .Select(s => s.RedactedFullText()).Where(t => t.Length > 0).Take(5).ToList();

        return new Report(swv, period, now.Total, before.Total, dimensions,
            [.. signals.OrderByDescending(s => s.Contacts + s.Stories).ThenBy(s => s.Title, StringComparer.Ordinal).Take(5)],
            quotes, partnerships > 1, Threshold);
    }

    /// <summary>National totals over every steunpunt (the national monitor): contacts by channel and theme.</summary>
    public async Task<(int Total, IReadOnlyList<(string Label, int Count)> Channels, IReadOnlyList<(string Label, int Count)> Themes)> NationalTotalsAsync(
        ReportPeriod period, CancellationToken ct = default)
    {
        var counts = await CountAsync(db.Cases.IgnoreQueryFilters([SteunpuntDb.TenantFilter]), period, ct, gemeenten: false);
        return (counts.Total,
            [.. Label(counts.Channels, CaseLabels.Channel)],
            [.. Expand(counts.Themes, s => s.Split(',', StringSplitOptions.RemoveEmptyEntries), c => c)]);
    }

    private sealed record Counts(int Total, List<(Channel Key, int Count)> Channels, List<(RequesterRole Key, int Count)> Roles,
        List<(SchoolPhases Key, int Count)> Phases, List<(Outcome Key, int Count)> Outcomes, List<(string Key, int Count)> Gemeenten,
        List<(string Key, int Count)> Themes, List<(HelpGiven Key, int Count)> Help, List<(bool Key, int Count)> Answered);

    private static async Task<Counts> CountAsync(IQueryable<SupportCase> scope, ReportPeriod period, CancellationToken ct, bool gemeenten = true)
    {
        var (from, until) = Instants(period);
        var cases = scope.Where(c => c.ReceivedAt >= from && c.ReceivedAt < until);
        return new Counts(
            await cases.CountAsync(ct),
            (await cases.GroupBy(c => c.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)).ToList(),
            (await cases.GroupBy(c => c.RequesterRole).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)).ToList(),
            (await cases.GroupBy(c => c.Phase).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)).ToList(),
            (await cases.GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)).ToList(),
            // The gemeente is sealed at rest, so it is opened (alone) and counted here rather than in the database.
            gemeenten ? [.. (await ConfidentialColumns.OpenAsync(cases, nameof(SupportCase.Gemeente), ct)).GroupBy(g => g ?? "").Select(g => (g.Key, g.Count()))] : [],
            (await cases.GroupBy(c => c.ThemeCodes).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)).ToList(),
            (await cases.GroupBy(c => c.HelpGiven).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)).ToList(),
            (await cases.Where(c => c.Channel == Channel.Formulier && c.AnsweredOnTime != null).GroupBy(c => c.AnsweredOnTime!.Value)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)).ToList());
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

    private static string PhaseLabel(SchoolPhases phase) => phase == SchoolPhases.None ? "Onbekend" : SchoolPhaseNames.Describe(phase);

    private static string OnTimeLabel(bool onTime) => onTime ? "Op tijd beantwoord" : "Te laat beantwoord";

    private static IEnumerable<(string Label, int Count)> Label<TKey>(IEnumerable<(TKey Key, int Count)> counts, Func<TKey, string> label) =>
        counts.GroupBy(c => label(c.Key)).Select(g => (g.Key, g.Sum(c => c.Count)));

    private static IEnumerable<(string Label, int Count)> Expand(IEnumerable<(string Key, int Count)> counts, Func<string, string[]> split, Func<string, string> label) =>
        counts.SelectMany(c => split(c.Key) is { Length: > 0 } parts ? parts.Select(p => (label(p), c.Count)) : [("Geen thema gekozen", c.Count)])
            .GroupBy(c => c.Item1).Select(g => (g.Key, g.Sum(c => c.Count)));

    private static IEnumerable<(string Label, int Count)> Flags(IEnumerable<(HelpGiven Key, int Count)> counts, (HelpGiven Value, string Label)[] flags) =>
        flags.Select(f => (f.Label, counts.Where(c => c.Key.HasFlag(f.Value)).Sum(c => c.Count)));

    private static Dimension Merge(string title, int? total, int? previousTotal, IEnumerable<(string Label, int Count)> now, IEnumerable<(string Label, int Count)> before)
    {
        var current = now.ToDictionary(n => n.Label, n => n.Count);
        var previous = before.ToDictionary(b => b.Label, b => b.Count);
        var rows = current.Keys.Union(previous.Keys)
            .Select(label => new Row(label, current.GetValueOrDefault(label), previous.GetValueOrDefault(label)))
            .Where(r => r.Count > 0 || r.Previous > 0)
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        return new Dimension(title, total, previousTotal, rows);
    }
}
