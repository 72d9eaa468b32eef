using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Steunpunt.Data;

namespace Steunpunt.Tenancy;

/// <summary>All steunpunten by slug and host, cached briefly so that resolving costs no query per request.</summary>
public sealed class TenantDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string CacheKey = "tenancy:directory";
    // Another instance may add a steunpunt; it becomes visible here within this time.
    private static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(10);

    /// <summary>Path segments that belong to the app itself and can never be a steunpunt's slug.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "css", "js", "img", "favicon.ico", "robots.txt", "informatie", "thema", "begrippen", "zoeken", "contact",
        "jongeren", "beheer", "account", "fout", "gezondheid", "sociale-kaart", "bij-wie-moet-je-zijn", "over-ons",
        "privacy", "toegankelijkheid", "steunpunten", "vraag-stellen", "api",
    };

    public async Task<Lookup> GetAsync()
    {
        if (cache.TryGetValue(CacheKey, out Lookup? lookup) && lookup is not null)
        {
            return lookup;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
        var rows = await db.Tenants.AsNoTracking().Select(t => new { t.Id, t.Slug, t.Name, t.Hosts }).ToListAsync();
        var entries = rows.Select(r => new TenantEntry(r.Id, r.Slug, r.Name,
            new Tenant { Slug = r.Slug, Name = r.Name, Hosts = r.Hosts }.HostNames().ToList())).ToList();
        lookup = new Lookup(
            entries.ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase),
            entries.SelectMany(e => e.Hosts.Select(h => (h, e))).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().e, StringComparer.OrdinalIgnoreCase));
        cache.Set(CacheKey, lookup, s_lifetime);
        return lookup;
    }

    public void Invalidate() => cache.Remove(CacheKey);

    public sealed record Lookup(IReadOnlyDictionary<string, TenantEntry> BySlug, IReadOnlyDictionary<string, TenantEntry> ByHost);
}
