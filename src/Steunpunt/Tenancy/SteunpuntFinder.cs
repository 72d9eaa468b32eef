using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Tenancy;

/// <summary>Helps a parent on the national site find their steunpunt by gemeente or school name. Steunpunten still
/// being set up (in oprichting) are not found.</summary>
public sealed class SteunpuntFinder(SteunpuntDb db)
{
    public sealed record Match(string Slug, string Name, string Reason);

    public async Task<IReadOnlyList<Match>> FindAsync(string? query, CancellationToken ct = default)
    {
        var q = (query ?? "").Trim();
        if (q.Length < 2)
        {
            return [];
        }
        q = q.Length > 100 ? q[..100] : q;
        var pattern = "%" + q.ToLowerInvariant().Replace("\\", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";

#pragma warning disable CA1304, CA1311 // ToLower() inside these queries is translated to SQL lower(); no .NET culture is involved.
        // The finder deliberately looks across all steunpunten: it is the national site's job.
        var byGemeente = await db.ServedGemeenten.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking()
            .Where(g => EF.Functions.Like(g.Name.ToLower(), pattern))
            .Join(db.Tenants.Where(t => !t.InOprichting), g => g.TenantId, t => t.Id, (g, t) => new { t.Slug, t.Name, Reason = "Gemeente " + g.Name })
            .Take(20).ToListAsync(ct);
        var bySchool = await db.Schools.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking()
            .Where(s => EF.Functions.Like(s.Name.ToLower(), pattern))
            .Join(db.Tenants.Where(t => !t.InOprichting), s => s.TenantId, t => t.Id, (s, t) => new { t.Slug, t.Name, Reason = s.Name + " in " + s.Gemeente })
            .Take(20).ToListAsync(ct);
        var byName = await db.Tenants.AsNoTracking()
            .Where(t => !t.InOprichting && EF.Functions.Like(t.Name.ToLower(), pattern))
            .Select(t => new { t.Slug, t.Name, Reason = "Naam van het steunpunt" })
            .Take(20).ToListAsync(ct);

#pragma warning restore CA1304, CA1311

        return byGemeente.Concat(bySchool).Concat(byName)
            .Select(m => new Match(m.Slug, m.Name, m.Reason))
            .DistinctBy(m => (m.Slug, m.Reason))
            .OrderBy(m => m.Name, StringComparer.Create(new System.Globalization.CultureInfo("nl-NL"), true))
            .Take(30).ToList();
    }

    public async Task<IReadOnlyList<Match>> AllAsync(CancellationToken ct = default) =>
        (await db.Tenants.AsNoTracking().Where(t => !t.InOprichting).OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct))
            .Select(t => new Match(t.Slug, t.Name, "")).ToList();
}
