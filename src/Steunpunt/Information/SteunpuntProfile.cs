using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information;

/// <summary>The current steunpunt's contact details, opening hours and closures, as shown on its pages.</summary>
public sealed class SteunpuntProfile(SteunpuntDb db, CurrentTenant current, TimeProvider clock)
{
    public sealed record View(Tenant Tenant, IReadOnlyList<OpeningHours> Hours, IReadOnlyList<Closure> Closures);

    public async Task<View?> LoadAsync(CancellationToken ct = default)
    {
        if (current.Id is not { } id)
        {
            return null;
        }
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.Partnerships).Include(t => t.Gemeenten)
            .AsSplitQuery().FirstAsync(t => t.Id == id, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var hours = await db.OpeningHours.AsNoTracking().ToListAsync(ct);
        var closures = await db.Closures.AsNoTracking().Where(c => c.To >= today).OrderBy(c => c.From).ToListAsync(ct);
        return new View(tenant,
            hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens).ToList(),
            closures);
    }
}
