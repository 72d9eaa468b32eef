using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Web;

namespace Steunpunt.Questions.Inbox;

/// <summary>The steunpunt's reply templates: every staff member may add, change and remove them.</summary>
public sealed class TemplatesModel(SteunpuntDb db, TimeProvider clock) : PageModel
{
    /// <summary>The template being changed; none for a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid? EditId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<ReplyTemplate> All { get; private set; } = [];

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? opgeslagen, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (EditId is { } id)
        {
            var template = All.FirstOrDefault(t => t.Id == id);
            if (template is null)
            {
                return NotFound();
            }
            (Title, Text) = (template.Title, template.Text);
        }
        Saved = opgeslagen;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        try
        {
            return await SaveAsync(ct);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            // What was typed comes back in the form; the list waits until the database is back.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Het sjabloon is nog niet opgeslagen: de opslag reageert even niet. Uw tekst staat nog in het formulier. Probeer het over een paar minuten opnieuw.");
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    private async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        var title = FormGuard.Clean(Title);
        var text = FormGuard.Clean(Text);
        if (title.Length == 0)
        {
            ModelState.AddModelError(nameof(Title), "Geef het sjabloon een naam, zodat u het terugvindt.");
        }
        else if (title.Length > ReplyTemplate.MaxTitleLength)
        {
            ModelState.AddModelError(nameof(Title), $"De naam is te lang: hoogstens {ReplyTemplate.MaxTitleLength} tekens.");
        }
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(Text), "Schrijf de tekst van het sjabloon.");
        }
        else if (text.Length > ReplyTemplate.MaxTextLength)
        {
            ModelState.AddModelError(nameof(Text), $"De tekst is te lang: hoogstens {ReplyTemplate.MaxTextLength} tekens.");
        }
        else if (ReplyTemplates.Unknown(text) is { Count: > 0 } unknown)
        {
            ModelState.AddModelError(nameof(Text), $"Deze invulplek kennen we niet: {string.Join(", ", unknown)}. Gebruik {string.Join(", ", ReplyTemplates.Placeholders.Select(p => p.Key))}.");
        }
        await LoadAsync(ct);
        var template = EditId is { } id ? await db.ReplyTemplates.SingleOrDefaultAsync(t => t.Id == id, ct) : new ReplyTemplate();
        if (template is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid && All.Any(t => t.Id != template.Id && string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(Title), "Er is al een sjabloon met deze naam. Kies een andere naam.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        (template.Title, template.Text, template.ChangedAt, template.ChangedBy) = (title, text, clock.GetUtcNow(), CaseWork.Staff.From(User).Name);
        if (EditId is null)
        {
            db.ReplyTemplates.Add(template);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
        {
            // Another colleague saved a template with this name at the same moment.
            ModelState.AddModelError(nameof(Title), "Er is al een sjabloon met deze naam. Kies een andere naam.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return RedirectToPage(new { id = (Guid?)null, opgeslagen = template.Title });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var template = EditId is { } id ? await db.ReplyTemplates.SingleOrDefaultAsync(t => t.Id == id, ct) : null;
        if (template is null)
        {
            return NotFound();
        }
        db.ReplyTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = (Guid?)null });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        All = await db.ReplyTemplates.AsNoTracking().OrderBy(t => t.Title).ToListAsync(ct);
}
