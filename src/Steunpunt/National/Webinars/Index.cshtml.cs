using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.National.Webinars;

/// <summary>The expert group's webinars: the ones to come, and the ones that were (with their recording).</summary>
public sealed class IndexModel(SteunpuntDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Webinar> Coming { get; private set; } = [];
    public IReadOnlyList<Webinar> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await db.Set<Webinar>().AsNoTracking().Where(w => !w.Cancelled).OrderBy(w => w.StartsAt).Take(500).ToListAsync(ct);
        Coming = [.. all.Where(w => w.EndsAt > now)];
        Past = [.. all.Where(w => w.EndsAt <= now).Reverse()];
    }
}
