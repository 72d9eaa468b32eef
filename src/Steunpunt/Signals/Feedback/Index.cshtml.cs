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

    /// <summary>Per signal, the boards' answers (the SWV's name, what it will do, when); never who wrote them.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<(string Swv, string Action, string When)>> Answers { get; private set; } =
        new Dictionary<Guid, IReadOnlyList<(string, string, string)>>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Signals = await db.Signals.AsNoTracking().Where(s => s.Status == SignalStatus.Teruggekoppeld)
            .OrderByDescending(s => s.FeedbackPublishedAt).ToListAsync(ct);
        var ids = Signals.Select(s => s.Id).ToList();
        var answers = await db.BoardAnswers.AsNoTracking().Where(a => ids.Contains(a.SignalId))
            .Join(db.Set<Tenancy.Partnership>(), a => a.PartnershipId, p => p.Id, (a, p) => new { a.SignalId, p.Name, a.Action, a.When }).ToListAsync(ct);
        Answers = answers.GroupBy(a => a.SignalId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, string, string)>)[.. g.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.Name, a.Action, a.When))]);
        return Page();
    }
}
