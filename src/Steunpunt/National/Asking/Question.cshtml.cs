using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.National.Experts;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Asking;

/// <summary>One question of this steunpunt to the expert group, its thread, and a reply. Another steunpunt's question
/// does not exist here (404).</summary>
public sealed class QuestionModel(ExpertDesk desk, CurrentTenant tenant) : PageModel
{
    public ExpertThread Question { get; private set; } = null!;
    private ExpertQuestion _question = null!;
    [BindProperty] public string? Text { get; set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Message = Request.Query.ContainsKey("gesteld") ? "Je vraag is verstuurd naar de expertgroep. Je krijgt een mail als er een antwoord is."
            : Request.Query.ContainsKey("gereageerd") ? "Je reactie is verstuurd." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
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
        await desk.ReplyAsTeamAsync(_question, ExpertDesk.Person.Of(User), text, ct);
        return RedirectToPage(null, null, new { id, gereageerd = 1 }, "reageer");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await desk.FindAsync(id, ct) is not { } question || question.SteunpuntId != tenant.Id)
        {
            return false;
        }
        (_question, Question) = (question, ExpertThread.Of(question));
        return true;
    }
}
