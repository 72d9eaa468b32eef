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
    /// <summary>Parts of a display name that are no name: particles, and the role words of accounts named after their
    /// role ("Coördinator Steunpunt Rivierenland").</summary>
    private static readonly HashSet<string> s_nameParticles = new(["van", "der", "den", "de", "het", "ter", "ten", "von",
        "steunpunt", "coördinator", "coordinator", "medewerker", "redacteur", "bestuurder", "team", "ouder", "jeugdsteunpunt"], StringComparer.OrdinalIgnoreCase);

    public ExpertThread? Source { get; private set; }
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
            // A start for the rewrite: the title and the pillar. Question and answer are written anew (an answer in the
            // thread often begins with the asker's name).
            (Title, Pillar) = (q.Title, q.Pillar.ToString());
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
        var title = Web.FormGuard.Line(Title);
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
        if (Source is { } src)
        {
            var written = $"{title}\n{question}\n{answer}";
            // Every name of the team in the thread, and each part of it ("Marieke" of "Marieke de Vries").
            var names = src.Messages.Where(m => !m.ByExpert).Select(m => m.AuthorName).Append(src.AskedByName)
                .SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append(n))
                .Where(n => n.Length >= 3 && !s_nameParticles.Contains(n)).Distinct(StringComparer.OrdinalIgnoreCase);
            if (names.FirstOrDefault(n => System.Text.RegularExpressions.Regex.IsMatch(written, $@"(?<!\w){System.Text.RegularExpressions.Regex.Escape(n)}(?!\w)",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))) is { } name)
            {
                ModelState.AddModelError(nameof(QuestionText), $"De naam ‘{name}’ uit het gesprek staat in de tekst. Haal die weg: de kennisbank noemt niemand van het steunpunt.");
            }
            if (!(src.MayName && Credit) && SourceSteunpunt is { Length: > 0 } steunpunt && written.Contains(steunpunt, StringComparison.OrdinalIgnoreCase))
            {
                ModelState.AddModelError(nameof(QuestionText), $"De naam van het steunpunt ({steunpunt}) staat in de tekst. Dat mag alleen als het steunpunt toestemming gaf en je het steunpunt noemt.");
            }
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (Existing is null)
        {
            // Two items with the same title saved at once: the unique address went to the other; take the next one.
            item.Slug = await FreeSlugAsync(title, ct);
            await db.SaveChangesAsync(ct);
        }
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
            Source = await desk.FindAsync(questionId, ct) is { } found ? ExpertThread.Of(found) : null;
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
