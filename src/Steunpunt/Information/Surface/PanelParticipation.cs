using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Klankbord;

namespace Steunpunt.Information.Surface;

/// <summary>
/// What the leidraad (A11, participation) may know of a steunpunt's klankbordgroep and youth panel in one school year:
/// meetings held, members who took part (a comment or an answer), drafts reviewed (sent and answered at least once) and
/// comments that changed a text. Counts only; no names, no text leave this class.
/// </summary>
public sealed class PanelParticipation(SteunpuntDb db)
{
    public sealed record Facts(int Meetings, int Members, int DraftsReviewed, int Changes)
    {
        public static readonly Facts None = new(0, 0, 0, 0);
    }

    public async Task<IReadOnlyDictionary<Guid, Facts>> PerSteunpuntAsync(IReadOnlyCollection<Guid> steunpunten, SchoolYear year, CancellationToken ct = default)
    {
        var (from, to) = (year.StartsAt, Dutch.StartOf(year.End));
        // Across steunpunten on purpose (the national monitor asks for all of them); the tenant filter would hide them.
        var meetings = await db.PanelMeetings.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(m => steunpunten.Contains(m.TenantId) && m.HeldOn >= year.Start && m.HeldOn < year.End)
            .GroupBy(m => m.TenantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var comments = await db.PanelComments.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(c => steunpunten.Contains(c.TenantId) && c.WrittenAt >= from && c.WrittenAt < to)
            .Select(c => new { c.TenantId, c.MemberId, c.DraftId }).ToListAsync(ct);
        var verdicts = await db.PanelVerdicts.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(v => steunpunten.Contains(v.TenantId) && v.AnsweredAt >= from && v.AnsweredAt < to)
            .Select(v => new { v.TenantId, v.MemberId, v.DraftId }).ToListAsync(ct);
        var changes = await db.PanelComments.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(c => steunpunten.Contains(c.TenantId) && c.Outcome == CommentOutcome.Aangepast && c.ResolvedAt >= from && c.ResolvedAt < to)
            .GroupBy(c => c.TenantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var responses = comments.Concat(verdicts).ToLookup(r => r.TenantId);
        return steunpunten.Distinct().ToDictionary(id => id, id => new Facts(
            meetings.GetValueOrDefault(id),
            responses[id].Select(r => r.MemberId).Distinct().Count(),
            // Only shared drafts get responses: a member reads nothing else.
            responses[id].Select(r => r.DraftId).Distinct().Count(),
            changes.GetValueOrDefault(id)));
    }

    public async Task<Facts> OfAsync(Guid steunpunt, SchoolYear year, CancellationToken ct = default) =>
        (await PerSteunpuntAsync([steunpunt], year, ct))[steunpunt];
}
