using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Information.Workflow;
using Steunpunt.Web;

namespace Steunpunt.Information.Klankbord.Member;

/// <summary>
/// One draft for a member, exactly as the public will see it; below it a comment on one paragraph and the question
/// "Is deze tekst begrijpelijk?". A draft that was not sent to the member's panel, is of another steunpunt, or is
/// published or discarded does not exist for them (404). A comment with an e-mail address, phone number or BSN is
/// refused with the text kept. The member sees their own comments and the editors' answers, never other members.
/// </summary>
public sealed class DraftModel(Panels panels, DraftViews views, LastKnown lastKnown) : PageModel
{
    private PanelMember _member = null!;

    public DraftView View { get; private set; } = null!;
    public IReadOnlyList<Panels.CommentView> Comments { get; private set; } = [];
    public Verdict? MyVerdict { get; private set; }
    public string? Message { get; private set; }
    public bool Youth => _member.Panel == Panel.Jongeren;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Paragraph { get; set; }
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, bool bewaard, bool antwoord, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Message = bewaard ? "Dank je wel. Je reactie is bewaard." : antwoord ? "Dank je wel. Je antwoord is bewaard." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var text = FormGuard.Clean(Input.Text);
        var paragraph = View.Paragraphs.FirstOrDefault(p => p.Key == Input.Paragraph);
        if (paragraph is null)
        {
            ModelState.AddModelError("Input.Paragraph", "Kies over welk stuk tekst je reactie gaat.");
        }
        if (text.Length == 0)
        {
            ModelState.AddModelError("Input.Text", "Schrijf je reactie.");
        }
        else if (text.Length > PanelComment.MaxLength)
        {
            ModelState.AddModelError("Input.Text", $"Je reactie is te lang: hoogstens {PanelComment.MaxLength} tekens. Nu zijn het er {text.Length}. Maak hem korter.");
        }
        else if (Privacy.PersonalDetails.Obvious(text) is { } found)
        {
            ModelState.AddModelError("Input.Text", $"Er staat {found} in je reactie. Haal dat weg: schrijf hier geen persoonlijke gegevens. Het gaat om de tekst, niet om jou of je kind.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await panels.CommentAsync(_member, View.Draft.Id, paragraph!, text, ct);
        }
        catch (Exception e) when (Data.DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(string.Empty, FormGuard.NotStoredNow(youth: true));
            return Page();
        }
        return RedirectToPage(new { id, bewaard = true });
    }

    public async Task<IActionResult> OnPostVerdictAsync(Guid id, string? begrijpelijk, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!Enum.TryParse<Verdict>(begrijpelijk, ignoreCase: true, out var verdict) || !Enum.IsDefined(verdict) || int.TryParse(begrijpelijk, out _))
        {
            ModelState.AddModelError("begrijpelijk", "Kies ja, nee of deels.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await panels.AnswerVerdictAsync(_member.Id, View.Draft.Id, verdict, ct);
        return RedirectToPage(new { id, antwoord = true });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (KlankbordFeature.MemberId(User) is not { } memberId || await panels.MemberAsync(memberId, ct) is not { } member
            || await panels.SharedDraftAsync(member, id, ct) is not { } draft)
        {
            return false;
        }
        _member = member;
        View = await views.ViewAsync(draft, Url, ct);
        Comments = await panels.CommentsOfAsync(draft.Id, member.Id, ct);
        MyVerdict = await panels.VerdictOfAsync(draft.Id, member.Id, ct);
        return true;
    }
}
