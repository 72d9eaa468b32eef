using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Signals.Feedback;

/// <summary>"Jullie zeiden, wij deden": what the board did with what parents and youth told, per signal that
/// reached "teruggekoppeld". Only the public feedback text and the title are shown.</summary>
public sealed class IndexModel(SteunpuntDb db) : PageModel
{
    public IReadOnlyList<Signal> Signals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Signals = await db.Signals.AsNoTracking().Where(s => s.Status == SignalStatus.Teruggekoppeld)
            .OrderByDescending(s => s.FeedbackPublishedAt).ToListAsync(ct);
        return Page();
    }
}
