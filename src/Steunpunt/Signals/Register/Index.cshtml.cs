using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Questions.Surface;
using Steunpunt.Stories.Surface;
using Steunpunt.Web;

namespace Steunpunt.Signals.Register;

/// <summary>The steunpunt's signal register, with suggestions: knelpunten flagged on contacts, stories that went
/// badly per theme, searches that found no answer, and what readers missed in an article.</summary>
public sealed class IndexModel(SteunpuntDb db, TimeProvider clock, CaseCounts cases, ReviewedStories stories, SearchGaps searches,
    ReaderFeedback readers) : PageModel
{
    /// <summary>A suggested signal; Kind is one of <see cref="SignalSource"/> Knelpunten, Verhalen, Zoekvragen or Lezers;
    /// Texts are what readers wrote (Lezers only), for staff to read before they make a signal of it.</summary>
    public sealed record Suggestion(SignalSource Kind, string Key, string Title, int Count, IReadOnlyList<string>? Texts = null);

    private static string MissedTitle(string question) =>
        $"Lezers misten iets bij: “{(question.Length > 150 ? question[..150] + "…" : question)}”";

    public IReadOnlyList<(Signal Signal, int Contacts, int Stories)> Signals { get; private set; } = [];
    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    /// <summary>Per signal id, the SWV boards that answered it (name, and by when they will act).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<(string Swv, string When)>> Answers { get; private set; } = new Dictionary<Guid, IReadOnlyList<(string, string)>>();

    [BindProperty]
    public string? Title { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Signals.AsNoTracking().OrderBy(s => s.Status).ThenByDescending(s => s.UpdatedAt)
            .Select(s => new { Signal = s, Contacts = s.Links.Count(l => l.CaseId != null), Stories = s.Links.Count(l => l.StoryId != null) })
            .ToListAsync(ct);
        Signals = [.. rows.Select(r => (r.Signal, r.Contacts, r.Stories))];
        var answers = await db.BoardAnswers.AsNoTracking()
            .Join(db.Set<Tenancy.Partnership>(), a => a.PartnershipId, p => p.Id, (a, p) => new { a.SignalId, p.Name, a.When }).ToListAsync(ct);
        Answers = answers.GroupBy(a => a.SignalId).ToDictionary(g => g.Key, g => (IReadOnlyList<(string, string)>)[.. g.OrderBy(a => a.Name).Select(a => (a.Name, a.When))]);
        var since = clock.GetUtcNow().AddMonths(-12);
        var suggestions = (await cases.KnelpuntenAsync(since, ct))
            .Select(k => new Suggestion(SignalSource.Knelpunten, k.Key, k.Label, k.Count)).ToList();
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        suggestions.AddRange((await stories.NegativeByThemeAsync(since, ct))
            .Select(t => new Suggestion(SignalSource.Verhalen, t.Code, $"Negatieve ervaringen: {themes.GetValueOrDefault(t.Code, t.Code)}", t.Count)));
        suggestions.AddRange((await searches.TopAsync(5, ct))
            .Select(s => new Suggestion(SignalSource.Zoekvragen, s.Query, $"Gezocht zonder antwoord: “{s.Query}”", s.Count)));
        suggestions.AddRange((await readers.MissedAsync(DateOnly.FromDateTime(since.UtcDateTime), 5, ct))
            .Select(m => new Suggestion(SignalSource.Lezers, m.ItemId.ToString(), MissedTitle(m.Question), m.Texts.Count, m.Texts)));
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
    public async Task<IActionResult> OnPostSuggestionAsync(SignalSource kind, string? key, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddMonths(-12);
        key ??= "";
        Signal signal;
        switch (kind)
        {
            case SignalSource.Knelpunten when CaseCounts.KnelpuntLabel(key) is { } label
                && await cases.WithKnelpuntAsync(key, since, ct) is { } caseIds:
                signal = new Signal { Title = label, Source = kind };
                signal.Links.AddRange(caseIds.Select(id => new SignalLink { CaseId = id }));
                break;
            case SignalSource.Verhalen when Theme.IsCode(key):
                var name = await db.Themes.Where(t => t.Code == key).Select(t => t.Name).SingleAsync(ct);
                signal = new Signal { Title = $"Negatieve ervaringen: {name}", Source = kind, ThemeCodes = ThemeSet.Of(key) };
                signal.Links.AddRange((await stories.NegativeAboutAsync(key, since, ct)).Select(id => new SignalLink { StoryId = id }));
                break;
            case SignalSource.Zoekvragen when key.Length is > 0 and <= 200:
                signal = new Signal { Title = $"Gezocht zonder antwoord: “{key}”", Source = kind };
                break;
            // Only the title: what readers wrote stays with staff until they write the signal's description themselves.
            case SignalSource.Lezers when Guid.TryParse(key, out var itemId)
                && await readers.MissedForAsync(itemId, DateOnly.FromDateTime(since.UtcDateTime), ct) is { } missed:
                signal = new Signal { Title = MissedTitle(missed.Question), Source = kind };
                break;
            default:
                return NotFound();
        }
        db.Signals.Add(signal);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Signals/Register/Edit", new { id = signal.Id });
    }
}
