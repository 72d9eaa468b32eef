using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>Zoekvragen zonder antwoord: what visitors searched for and did not find, counted per week.</summary>
public sealed class UnansweredModel(SteunpuntDb db, CurrentTenant tenant) : PageModel
{
    public IReadOnlyList<(string Week, IReadOnlyList<(string Query, int Count)> Queries)> Weeks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return NotFound();
        }
        var rows = await db.UnansweredSearches.AsNoTracking().OrderByDescending(u => u.Week).Take(2000).ToListAsync(ct);
        Weeks = rows.GroupBy(r => r.Week).OrderByDescending(g => g.Key, StringComparer.Ordinal).Take(12)
            .Select(g => (g.Key, (IReadOnlyList<(string, int)>)g.OrderByDescending(r => r.Count).ThenBy(r => r.Query, StringComparer.Ordinal)
                .Select(r => (r.Query, r.Count)).ToList()))
            .ToList();
        return Page();
    }
}
