using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Search;

/// <summary>What the search index holds: per site (the national site, or a steunpunt) the articles as visitors
/// see them there, so a regional supplement counts with its national item and hidden items are absent.</summary>
public sealed record SearchSource(IReadOnlyList<SearchSource.Site> Sites, bool Complete)
{
    public const string NationalKey = "national";

    public sealed record Site(string Key, IReadOnlyList<Article> Articles)
    {
        /// <summary>The steunpunt's own published pages (over ons, privacy, toegankelijkheid, the route).</summary>
        public IReadOnlyList<RegionalPage> Pages { get; init; } = [];
    }

    public static string KeyOf(Guid? tenantId) => tenantId?.ToString("N") ?? NationalKey;

    /// <summary>Loads every site (tenantIds null) or only the given steunpunten.</summary>
    public static async Task<SearchSource> LoadAsync(SteunpuntDb db, IReadOnlyList<Guid>? tenantIds, CancellationToken ct)
    {
        // The index serves all steunpunten, so it reads across them; each document is tagged with its site.
        var query = db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking().Where(f => f.Status == ContentStatus.Published);
        query = tenantIds is null ? query : query.Where(f => f.TenantId == null || tenantIds.Contains(f.TenantId.Value));
        var rows = await query.ToListAsync(ct);
        var tenants = tenantIds ?? await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(ct);

        var national = rows.Where(r => r.TenantId is null).ToList();
        var own = rows.Where(r => r.TenantId is not null).ToLookup(r => r.TenantId!.Value);
        var pageQuery = db.RegionalPages.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking().Where(p => p.Status == ContentStatus.Published);
        pageQuery = tenantIds is null ? pageQuery : pageQuery.Where(p => tenantIds.Contains(p.TenantId));
        var pages = (await pageQuery.ToListAsync(ct)).ToLookup(p => p.TenantId);
        var sites = tenants.Select(t => new Site(KeyOf(t), InformationCatalog.Merge(national.Concat(own[t]), t)) { Pages = pages[t].ToList() }).ToList();
        if (tenantIds is null)
        {
            sites.Add(new Site(NationalKey, InformationCatalog.Merge(national, null)));
        }
        return new SearchSource(sites, tenantIds is null);
    }

    /// <summary>Loads a few national items as every site sees them (with each steunpunt's layer on them).</summary>
    public static async Task<SearchSource> LoadItemsAsync(SteunpuntDb db, IReadOnlyList<Guid> itemIds, CancellationToken ct)
    {
        var rows = await db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking()
            .Where(f => f.Status == ContentStatus.Published
                && ((f.TenantId == null && itemIds.Contains(f.Id)) || (f.NationalItemId != null && itemIds.Contains(f.NationalItemId.Value))))
            .ToListAsync(ct);
        var tenants = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(ct);
        var national = rows.Where(r => r.TenantId is null).ToList();
        var layers = rows.Where(r => r.TenantId is not null).ToLookup(r => r.TenantId!.Value);
        var sites = tenants.Select(t => new Site(KeyOf(t), InformationCatalog.Merge(national.Concat(layers[t]), t))).ToList();
        sites.Add(new Site(NationalKey, InformationCatalog.Merge(national, null)));
        return new SearchSource(sites, false);
    }
}
