using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.National.Webinars;

namespace Steunpunt.National.Experts;

/// <summary>The expert group's webinars, with how many registered.</summary>
public sealed class WebinarsModel(SteunpuntDb db) : PageModel
{
    public sealed record Row(Webinar Webinar, int Registered, int Questions);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.Set<Webinar>().AsNoTracking().OrderByDescending(w => w.StartsAt).Take(200)
            .Select(w => new Row(w, db.Set<WebinarRegistration>().Count(r => r.WebinarId == w.Id), db.Set<WebinarQuestion>().Count(q => q.WebinarId == w.Id)))
            .ToListAsync(ct);
    }
}
