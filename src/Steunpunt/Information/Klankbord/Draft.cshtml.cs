using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Workflow;
using Steunpunt.Web;

namespace Steunpunt.Information.Klankbord;

/// <summary>
/// An editor's page for one draft and the klankbord: the draft as the public will see it, the members' comments under
/// each paragraph with an answer and what came of it, the "begrijpelijk?" counts, and sending the draft to the parents'
/// panel, the youth panel or both (the members get a mail without the text).
/// </summary>
public sealed class DraftModel(SteunpuntDb db, Drafts drafts, DraftViews views, Panels panels, PublicAddress address) : PageModel
{
    public sealed record Comment(Panels.CommentView Row, string From);

    public DraftView View { get; private set; } = null!;
    public IReadOnlyList<DraftShare> Shares { get; private set; } = [];
    public ILookup<string, Comment> Comments { get; private set; } = Array.Empty<Comment>().ToLookup(c => "");
    public IReadOnlyDictionary<Verdict, int> Verdicts { get; private set; } = new Dictionary<Verdict, int>();
    public string? Message { get; private set; }
    /// <summary>The answer typed for a comment that was refused, to show it again.</summary>
    public (Guid Comment, string Answer)? Typed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? bericht, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Message = bericht switch
        {
            "gestuurd" => "De tekst is gestuurd. De leden krijgen een mail.",
            "bewaard" => "Uw antwoord is bewaard.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostShareAsync(Guid id, Panel[]? panel, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var chosen = (panel ?? []).Where(Enum.IsDefined).ToList();
        if (!View.Draft.IsOpen)
        {
            ModelState.AddModelError("panel", "Deze tekst is al gepubliceerd of vervallen. Hij kan niet meer gestuurd worden.");
        }
        else if (chosen.Count == 0)
        {
            ModelState.AddModelError("panel", "Kies de groep die de tekst moet lezen.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await panels.ShareAsync(View.Draft, chosen, Versions.ContentVersions.Who(User),
            address.Link(Url.Page("/Information/Klankbord/Member/Index")!), ct);
        return RedirectToPage(new { id, bericht = "gestuurd" });
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, Guid comment, string? answer, CommentOutcome outcome, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var text = FormGuard.Clean(answer);
        if (text.Length > PanelComment.MaxLength)
        {
            ModelState.AddModelError($"answer-{comment}", $"Het antwoord is te lang: hoogstens {PanelComment.MaxLength} tekens.");
        }
        else if (!Enum.IsDefined(outcome))
        {
            ModelState.AddModelError($"answer-{comment}", "Kies wat er met deze reactie gebeurd is.");
        }
        if (!ModelState.IsValid)
        {
            Typed = (comment, text);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!await panels.ReplyAsync(View.Draft.Id, comment, text, outcome, Versions.ContentVersions.Who(User), ct))
        {
            return NotFound();
        }
        return RedirectToPage(new { id, bericht = "bewaard" });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await drafts.FindAsync(id, ct) is not { } draft)
        {
            return false;
        }
        View = await views.ViewAsync(draft, Url, ct);
        Shares = await db.DraftShares.AsNoTracking().Where(s => s.DraftId == id).OrderBy(s => s.Panel).ToListAsync(ct);
        var rows = await panels.CommentsOfAsync(id, null, ct);
        var memberIds = rows.Select(r => r.MemberId).Distinct().ToList();
        var names = (await db.PanelMembers.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToListAsync(ct)).ToDictionary(m => m.Id, m => m.Name);
        Comments = rows.Select(r => new Comment(r, names.GetValueOrDefault(r.MemberId) is { Length: > 0 } name ? name : "een oud-lid"))
            .ToLookup(c => c.Row.ParagraphKey);
        Verdicts = await panels.VerdictCountsAsync(id, ct);
        return true;
    }
}
