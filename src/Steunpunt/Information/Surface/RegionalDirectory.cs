using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Information.Surface;

/// <summary>What other pillars may read of the steunpunt's regional information: the names it publishes.</summary>
public sealed class RegionalDirectory(SteunpuntDb db)
{
    /// <summary>The names of the organisations on the steunpunt's route pages ("bij wie moet je zijn"), national and own.</summary>
    public async Task<IReadOnlyList<string>> OrganisationNamesAsync(CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking().Select(o => o.Name).ToListAsync(ct);
}
