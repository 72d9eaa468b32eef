using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.National.Practice;
using Steunpunt.Tenancy;

namespace Steunpunt.National.PracticeSubmit;

/// <summary>The steunpunt's own practice examples, in every state.</summary>
public sealed class IndexModel(SteunpuntDb db, CurrentTenant tenant) : PageModel
{
    public IReadOnlyList<PracticeExample> Examples { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Examples = await db.Set<PracticeExample>().AsNoTracking().Where(p => p.SteunpuntId == tenant.Id)
            .OrderByDescending(p => p.UpdatedAt).Take(200).ToListAsync(ct);
}
