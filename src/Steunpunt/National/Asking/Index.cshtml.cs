using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.National.Experts;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Asking;

/// <summary>
/// The steunpunt's questions to the national expert group, and the form to ask one: about setting up and running the
/// steunpunt, never about a child. Every member of the team sees the steunpunt's questions and their answers.
/// </summary>
public sealed class IndexModel(ExpertDesk desk, CurrentTenant tenant) : PageModel
{
    public sealed record Row(Guid Id, string Title, ExpertQuestionStatus Status, DateTimeOffset LastActivityAt);

    public IReadOnlyList<Row> Questions { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Pillar { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool MayName { get; set; }

    public bool Sent { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sent = Request.Query.ContainsKey("verstuurd");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var title = Web.FormGuard.Line(Title);
        var text = Web.FormGuard.Clean(Text);
        var pillar = Pillars.Parse(Pillar);
        if (title.Length == 0)
        {
            ModelState.AddModelError(nameof(Title), "Geef je vraag een korte titel.");
        }
        else if (title.Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "De titel is te lang: hoogstens 200 tekens.");
        }
        else if (Privacy.PersonalDetails.Obvious(title) is { } inTitle)
        {
            ModelState.AddModelError(nameof(Title), $"Er staat {inTitle} in de titel. Haal dat weg.");
        }
        if (pillar is null)
        {
            ModelState.AddModelError(nameof(Pillar), "Kies waar je vraag over gaat.");
        }
        if (ExpertDesk.Problem(text) is { } problem)
        {
            ModelState.AddModelError(nameof(Text), problem);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        var question = await desk.AskAsync(tenant.Id!.Value, ExpertDesk.Person.Of(User), title, pillar!.Value, text, MayName, ct);
        return RedirectToPage("/National/Asking/Question", new { id = question.Id, gesteld = 1 });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Questions = await desk.OfSteunpunt(tenant.Id!.Value).AsNoTracking().Take(200)
            .Select(q => new Row(q.Id, q.Title, q.Status, q.LastActivityAt)).ToListAsync(ct);

    public static string StatusName(ExpertQuestionStatus status) => status switch
    {
        ExpertQuestionStatus.Nieuw => "verstuurd, nog niet opgepakt",
        ExpertQuestionStatus.InBehandeling => "een expert is ermee bezig",
        _ => "beantwoord",
    };
}
