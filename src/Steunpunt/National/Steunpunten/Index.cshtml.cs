using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Steunpunten;

/// <summary>Landelijk beheer: every steunpunt of the installation, live, in oprichting or removed.</summary>
public sealed class IndexModel(SteunpuntDb db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Slug, bool InOprichting, bool Ready, int Partnerships, int Gemeenten, DateTimeOffset? RemovedAt);

    public IReadOnlyList<Row> Steunpunten { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Steunpunten = await db.Tenants.AsNoTracking().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).OrderBy(t => t.Name)
            .Select(t => new Row(t.Id, t.Name, t.Slug, t.InOprichting, t.ReadyAt != null, t.Partnerships.Count, t.Gemeenten.Count, t.RemovedAt))
            .ToListAsync(ct);
}
