using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Search;
using Steunpunt.Questions;
using Steunpunt.Stories;
using Steunpunt.Web;

namespace Steunpunt.Signals.Register;

/// <summary>The steunpunt's signal register, with suggestions: knelpunten flagged on contacts, stories that went
/// badly per theme, and searches that found no answer.</summary>
public sealed class IndexModel(SteunpuntDb db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SearchOptions> search) : PageModel
{
    public sealed record Suggestion(string Kind, string Key, string Title, int Count);

    public IReadOnlyList<(Signal Signal, int Contacts, int Stories)> Signals { get; private set; } = [];
    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Signals.AsNoTracking().OrderBy(s => s.Status).ThenByDescending(s => s.UpdatedAt)
            .Select(s => new { Signal = s, Contacts = s.Links.Count(l => l.CaseId != null), Stories = s.Links.Count(l => l.StoryId != null) })
            .ToListAsync(ct);
        Signals = [.. rows.Select(r => (r.Signal, r.Contacts, r.Stories))];
        var since = clock.GetUtcNow().AddMonths(-12);
        var flags = await db.Cases.AsNoTracking().Where(c => c.ReceivedAt >= since && c.Knelpunten != Knelpunten.None)
            .GroupBy(c => c.Knelpunten).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var suggestions = CaseLabels.Bottlenecks
            .Select(b => new Suggestion("knelpunt", b.Value.ToString(), b.Label, flags.Where(f => f.Key.HasFlag(b.Value)).Sum(f => f.Count)))
            .Where(s => s.Count > 0).ToList();
        var stories = await db.Stories.AsNoTracking().Where(s => s.ReviewedAt != null && s.Feeling < 0 && s.ReceivedAt >= since)
            .Select(s => s.ThemeCodes).ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        suggestions.AddRange(stories.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).GroupBy(t => t)
            .Select(g => new Suggestion("verhalen", g.Key, $"Negatieve ervaringen: {themes.GetValueOrDefault(g.Key, g.Key)}", g.Count())));
        var people = search.Value.UnansweredSearchPeople;
        var searches = await db.Set<UnansweredSearch>().AsNoTracking().Where(u => u.People >= people).GroupBy(u => u.Query)
            .Select(g => new { g.Key, Count = g.Sum(u => u.Count) }).OrderByDescending(g => g.Count).Take(5).ToListAsync(ct);
        suggestions.AddRange(searches.Select(s => new Suggestion("zoekvraag", s.Key, $"Gezocht zonder antwoord: “{s.Key}”", s.Count)));
        Suggestions = [.. suggestions.OrderByDescending(s => s.Count)];
    }

    public async Task<IActionResult> OnPostNewAsync(CancellationToken ct)
    {
        var title = FormGuard.Clean(Title);
        if (title.Length is 0 or > 200)
        {
            ModelState.AddModelError(nameof(Title), "Geef het signaal een titel van hoogstens 200 tekens.");
            await OnGetAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var signal = new Signal { Title = title, Source = SignalSource.Handmatig };
        db.Signals.Add(signal);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Signals/Register/Edit", new { id = signal.Id });
    }

    /// <summary>A signal from a suggestion, linked to the contacts or stories behind it.</summary>
    public async Task<IActionResult> OnPostSuggestionAsync(string kind, string key, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddMonths(-12);
        Signal signal;
        switch (kind)
        {
            case "knelpunt" when Enum.TryParse<Knelpunten>(key, out var flag) && CaseLabels.Bottlenecks.Any(b => b.Value == flag):
                signal = new Signal { Title = CaseLabels.Bottlenecks.First(b => b.Value == flag).Label, Source = SignalSource.Knelpunten };
                var cases = await db.Cases.Where(c => c.ReceivedAt >= since && (c.Knelpunten & flag) == flag).Select(c => c.Id).ToListAsync(ct);
                signal.Links.AddRange(cases.Select(id => new SignalLink { CaseId = id }));
                break;
            case "verhalen" when Theme.IsCode(key):
                var name = await db.Themes.Where(t => t.Code == key).Select(t => t.Name).SingleAsync(ct);
                signal = new Signal { Title = $"Negatieve ervaringen: {name}", Source = SignalSource.Verhalen, ThemeCodes = key };
                var stories = await db.Stories.Where(s => s.ReviewedAt != null && s.Feeling < 0 && s.ReceivedAt >= since).Select(s => new { s.Id, s.ThemeCodes }).ToListAsync(ct);
                signal.Links.AddRange(stories.Where(s => s.ThemeCodes.Split(',').Contains(key)).Select(s => new SignalLink { StoryId = s.Id }));
                break;
            case "zoekvraag" when key.Length is > 0 and <= 200:
                signal = new Signal { Title = $"Gezocht zonder antwoord: “{key}”", Source = SignalSource.Zoekvragen };
                break;
            default:
                return NotFound();
        }
        db.Signals.Add(signal);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Signals/Register/Edit", new { id = signal.Id });
    }
}
