using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Information.Surface;

/// <summary>
/// What the leidraad checklist and the national monitor may know of the information a steunpunt publishes: how much,
/// for whom, and how much of it was checked lately. Counts only; no text leaves this class.
/// </summary>
public sealed class PublishedInformation(SteunpuntDb db)
{
    /// <summary>What one steunpunt shows its visitors. "Checked" means its last review is at most 12 months old.</summary>
    public sealed record Facts(int OpeningHours, int ClosuresAhead, int Articles, int YouthArticles, int ArticlesChecked,
        int Pages, int PagesChecked, int Organisations, int OrganisationsChecked)
    {
        public static readonly Facts None = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>The facts of the given steunpunten on the given day, read in a few queries for all of them at once.</summary>
    public async Task<IReadOnlyDictionary<Guid, Facts>> PerSteunpuntAsync(IReadOnlyCollection<Guid> steunpunten, DateOnly today, CancellationToken ct = default)
    {
        var yearAgo = today.AddYears(-1);
        var hours = await db.OpeningHours.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(h => steunpunten.Contains(h.TenantId))
            .GroupBy(h => h.TenantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var closures = await db.Closures.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(c => steunpunten.Contains(c.TenantId) && c.To >= today)
            .GroupBy(c => c.TenantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var pages = await db.RegionalPages.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(p => steunpunten.Contains(p.TenantId) && p.Status == ContentStatus.Published)
            .GroupBy(p => p.TenantId).Select(g => new { g.Key, Count = g.Count(), Checked = g.Count(p => p.LastReviewedOn >= yearAgo) })
            .ToDictionaryAsync(g => g.Key, ct);
        var organisations = await db.Organisations.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(o => steunpunten.Contains(o.TenantId))
            .GroupBy(o => o.TenantId).Select(g => new { g.Key, Count = g.Count(), Checked = g.Count(o => o.LastReviewedOn >= yearAgo) })
            .ToDictionaryAsync(g => g.Key, ct);
        // The articles a visitor sees are the national items with each steunpunt's own layers merged in, as on the site.
        var rows = await db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking()
            .Where(f => f.Status == ContentStatus.Published && (f.TenantId == null || steunpunten.Contains(f.TenantId.Value)))
            .Select(f => new FaqItem
            {
                Id = f.Id,
                TenantId = f.TenantId,
                Layer = f.Layer,
                NationalItemId = f.NationalItemId,
                Audience = f.Audience,
                LastReviewedOn = f.LastReviewedOn,
                Status = f.Status,
                NeedsReview = f.NeedsReview,
            })
            .ToListAsync(ct);
        var national = rows.Where(r => r.TenantId is null).ToList();
        var own = rows.Where(r => r.TenantId is not null).ToLookup(r => r.TenantId!.Value);
        return steunpunten.Distinct().ToDictionary(id => id, id =>
        {
            var articles = InformationCatalog.Merge(national.Concat(own[id]), id);
            var page = pages.GetValueOrDefault(id);
            var organisation = organisations.GetValueOrDefault(id);
            return new Facts(hours.GetValueOrDefault(id), closures.GetValueOrDefault(id),
                articles.Count, articles.Count(a => a.Audience == Audience.Jongeren), articles.Count(a => a.LastReviewedOn >= yearAgo),
                page?.Count ?? 0, page?.Checked ?? 0, organisation?.Count ?? 0, organisation?.Checked ?? 0);
        });
    }
}
