using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Information.Editing;

/// <summary>Zoekvragen zonder antwoord: what visitors searched for and did not find, counted per week.</summary>
public sealed class UnansweredModel(SteunpuntDb db, Microsoft.Extensions.Options.IOptions<Search.SearchOptions> options) : PageModel
{
    public IReadOnlyList<(string Week, IReadOnlyList<(string Query, int Count)> Queries)> Weeks { get; private set; } = [];
    public int People { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Only what several people searched: a single person's search (perhaps with their child's name) never shows.
        People = options.Value.UnansweredSearchPeople;
        var rows = await db.UnansweredSearches.AsNoTracking().Where(u => u.People >= People).OrderByDescending(u => u.Week).Take(2000).ToListAsync(ct);
        Weeks = rows.GroupBy(r => r.Week).OrderByDescending(g => g.Key, StringComparer.Ordinal).Take(12)
            .Select(g => (g.Key, (IReadOnlyList<(string, int)>)g.OrderByDescending(r => r.Count).ThenBy(r => r.Query, StringComparer.Ordinal)
                .Select(r => (r.Query, r.Count)).ToList()))
            .ToList();
        return Page();
    }
}
