using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Signals.Reports;

namespace Steunpunt.Signals.Surface;

/// <summary>
/// What the leidraad checklist and the national monitor may know of the signalling cycle: when a report went to a
/// board, and how many "jullie zeiden, wij deden" items were published. Dates and counts only; no signal or report
/// content leaves this class.
/// </summary>
public sealed class SignalCycle(SteunpuntDb db)
{
    /// <summary>One steunpunt's cycle since a moment: reports published to a board, the last one, feedback published.</summary>
    public sealed record Cycle(int Reports, DateTimeOffset? LastReport, int FeedbackPublished)
    {
        public static readonly Cycle None = new(0, null, 0);
    }

    public async Task<IReadOnlyDictionary<Guid, Cycle>> PerSteunpuntAsync(IReadOnlyCollection<Guid> steunpunten, DateTimeOffset since, CancellationToken ct = default)
    {
        // A report is one SWV and period; publishing it again (a new version) is the same report, published later.
        var releases = await db.BoardReportReleases.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(r => steunpunten.Contains(r.TenantId) && r.PublishedAt >= since)
            .Select(r => new { r.TenantId, r.PartnershipId, r.PeriodKey, r.PublishedAt }).ToListAsync(ct);
        var reports = releases.GroupBy(r => r.TenantId)
            .Select(g => new { g.Key, Count = g.Select(r => (r.PartnershipId, r.PeriodKey)).Distinct().Count(), Last = g.Max(r => r.PublishedAt) })
            .ToDictionary(g => g.Key);
        var feedback = await db.Signals.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(s => steunpunten.Contains(s.TenantId) && s.Status == SignalStatus.Teruggekoppeld && s.FeedbackPublishedAt >= since)
            .GroupBy(s => s.TenantId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return steunpunten.Distinct().ToDictionary(id => id, id => reports.GetValueOrDefault(id) is { } r
            ? new Cycle(r.Count, r.Last, feedback.GetValueOrDefault(id))
            : Cycle.None with { FeedbackPublished = feedback.GetValueOrDefault(id) });
    }

    /// <summary>Per SWV (partnership id) the moment its board last got a published report since the given moment.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> LastReportPerSwvAsync(DateTimeOffset since, CancellationToken ct = default) =>
        await db.BoardReportReleases.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(r => r.PublishedAt >= since)
            .GroupBy(r => r.PartnershipId).Select(g => new { g.Key, Last = g.Max(r => r.PublishedAt) })
            .ToDictionaryAsync(g => g.Key, g => g.Last, ct);
}
