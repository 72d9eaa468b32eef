using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Information.Surface;
using Steunpunt.National.Knowledge;

namespace Steunpunt.National.Experts;

/// <summary>
/// An expert writes a knowledge-base item, usually from an answered question that plays more widely: the question is
/// rewritten, the asker's name never appears, and the steunpunt is named only when the asker agreed. Saving publishes.
/// </summary>
public sealed class KnowledgeEditModel(SteunpuntDb db, ExpertDesk desk, TimeProvider clock) : PageModel
{
    public ExpertQuestion? Source { get; private set; }
    public string? SourceSteunpunt { get; private set; }
    public KnowledgeItem? Existing { get; private set; }
    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? QuestionText { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Pillar { get; set; }
    [BindProperty] public string? ThemeCode { get; set; }
    [BindProperty] public bool Credit { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? vraag, CancellationToken ct)
    {
        if (!await LoadAsync(id, vraag, ct))
        {
            return NotFound();
        }
        if (Existing is { } item)
        {
            (Title, QuestionText, Answer, Pillar, ThemeCode, Credit) = (item.Title, item.Question, item.Answer, item.Pillar.ToString(), item.ThemeCode, item.CreditedTo is not null);
        }
        else if (Source is { } q)
        {
            // A start for the rewrite: the title and the pillar; the text is the expert's own, without the asker.
            (Title, Pillar, Answer) = (q.Title, q.Pillar.ToString(), q.Messages.LastOrDefault(m => m.ByExpert)?.Text);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? vraag, CancellationToken ct)
    {
        if (!await LoadAsync(id, vraag, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var title = Web.FormGuard.Clean(Title);
        var question = Web.FormGuard.Clean(QuestionText);
        var answer = Web.FormGuard.Clean(Answer);
        var pillar = Pillars.Parse(Pillar);
        var theme = string.IsNullOrEmpty(ThemeCode) ? null : ThemeCode;
        if (title.Length is 0 or > 200)
        {
            ModelState.AddModelError(nameof(Title), title.Length == 0 ? "Geef het item een titel." : "De titel is te lang: hoogstens 200 tekens.");
        }
        if (question.Length is 0 or > 2000)
        {
            ModelState.AddModelError(nameof(QuestionText), question.Length == 0 ? "Schrijf de vraag op, in je eigen woorden." : "De vraag is te lang: hoogstens 2000 tekens.");
        }
        if (answer.Length is 0 or > 12000)
        {
            ModelState.AddModelError(nameof(Answer), answer.Length == 0 ? "Schrijf het antwoord op." : "Het antwoord is te lang: hoogstens 12000 tekens.");
        }
        foreach (var (field, text) in new[] { (nameof(Title), title), (nameof(QuestionText), question), (nameof(Answer), answer) })
        {
            if (Privacy.PersonalDetails.Obvious(text) is { } found)
            {
                ModelState.AddModelError(field, $"Er staat {found} in de tekst. Haal dat weg: de kennisbank is openbaar.");
            }
        }
        if (Source is { } src && !string.IsNullOrEmpty(src.AskedByName) && (title + question + answer).Contains(src.AskedByName, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(QuestionText), "De naam van wie de vraag stelde staat in de tekst. Haal die weg.");
        }
        if (pillar is null)
        {
            ModelState.AddModelError(nameof(Pillar), "Kies de pijler.");
        }
        if (theme is not null && Themes.All(t => t.Code != theme))
        {
            ModelState.AddModelError(nameof(ThemeCode), "Kies een thema uit de lijst.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow();
        var item = Existing;
        if (item is null)
        {
            item = new KnowledgeItem { FromQuestionId = Source?.Id, PublishedAt = now, Slug = await FreeSlugAsync(title, ct) };
            db.Add(item);
        }
        else
        {
            db.Attach(item);
        }
        var mayName = Source?.MayName ?? (Existing?.CreditedTo is not null);
        (item.Title, item.Question, item.Answer, item.Pillar, item.ThemeCode, item.UpdatedAt, item.WrittenBy) =
            (title, question, answer, pillar!.Value, theme, now, ExpertDesk.Person.Of(User).Name);
        item.CreditedTo = Credit && mayName ? SourceSteunpunt ?? Existing?.CreditedTo : null;
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/National/Knowledge/Item", new { slug = item.Slug });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid? id, CancellationToken ct)
    {
        if (id is null || await db.Set<KnowledgeItem>().SingleOrDefaultAsync(k => k.Id == id, ct) is not { } item)
        {
            return NotFound();
        }
        db.Remove(item);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/National/Knowledge/Index");
    }

    private async Task<string> FreeSlugAsync(string title, CancellationToken ct)
    {
        var slug = DutchMatching.Slug(title);
        var taken = await db.Set<KnowledgeItem>().Where(k => k.Slug == slug || k.Slug.StartsWith(slug + "-")).Select(k => k.Slug).ToListAsync(ct);
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }

    private async Task<bool> LoadAsync(Guid? id, Guid? vraag, CancellationToken ct)
    {
        Themes = await db.Set<Theme>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        if (id is { } itemId)
        {
            Existing = await db.Set<KnowledgeItem>().AsNoTracking().SingleOrDefaultAsync(k => k.Id == itemId, ct);
            if (Existing is null)
            {
                return false;
            }
            vraag = Existing.FromQuestionId;
        }
        if (vraag is { } questionId)
        {
            Source = await desk.FindAsync(questionId, ct);
            if (Source is null && Existing is null)
            {
                return false;
            }
            if (Source is not null)
            {
                SourceSteunpunt = await db.Tenants.Where(t => t.Id == Source.SteunpuntId).Select(t => t.Name).SingleAsync(ct);
            }
        }
        return true;
    }
}
