using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Experts;

/// <summary>One question for the expert group: take it, answer it in the thread, mark it as playing more widely, and
/// make a knowledge-base item of it.</summary>
public sealed class ThreadModel(ExpertDesk desk, SteunpuntDb db) : PageModel
{
    public ExpertThread Question { get; private set; } = null!;
    private ExpertQuestion _question = null!;
    public string Steunpunt { get; private set; } = "";
    public Knowledge.KnowledgeItem? Item { get; private set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool Wider { get; set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Message = Request.Query["klaar"].ToString() switch
        {
            "beantwoord" => "Je antwoord is verstuurd. Het steunpunt krijgt een mail dat er een antwoord is.",
            "opgepakt" => "Je behandelt deze vraag nu.",
            "breder" => "Opgeslagen.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await desk.TakeAsync(_question, ExpertDesk.Person.Of(User), ct);
        return RedirectToPage(null, null, new { id, klaar = "opgepakt" }, null);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var text = Web.FormGuard.Clean(Text);
        if (ExpertDesk.Problem(text) is { } problem)
        {
            ModelState.AddModelError(nameof(Text), problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await desk.AnswerAsync(_question, ExpertDesk.Person.Of(User), text, Url.Page("/National/Asking/Question", new { id })!, ct);
        return RedirectToPage(null, null, new { id, klaar = "beantwoord" }, null);
    }

    public async Task<IActionResult> OnPostWiderAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await desk.MarkWiderAsync(_question, Wider, ct);
        return RedirectToPage(null, null, new { id, klaar = "breder" }, null);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await desk.FindAsync(id, ct) is not { } question)
        {
            return false;
        }
        (_question, Question) = (question, ExpertThread.Of(question));
        Steunpunt = await db.Tenants.Where(t => t.Id == question.SteunpuntId).Select(t => t.Name).SingleAsync(ct);
        Item = await db.Set<Knowledge.KnowledgeItem>().AsNoTracking().FirstOrDefaultAsync(k => k.FromQuestionId == id, ct);
        return true;
    }
}
