using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Workflow;
using Steunpunt.Web;

namespace Steunpunt.Information.Klankbord;

/// <summary>The editors' page of the klankbordgroep and youth panel: invite a member, see who is a member, remove one;
/// and the open drafts, each one click from sending it to a panel.</summary>
public sealed class IndexModel(SteunpuntDb db, Panels panels, Drafts drafts, PublicAddress address) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed record MemberRow(Guid Id, string Name, string Email, Panel Panel, DateTimeOffset InvitedAt);

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<ContentDraft> OpenDrafts { get; private set; } = [];
    public string? Message { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul de naam in.")]
        [StringLength(200, ErrorMessage = "De naam is te lang: hoogstens 200 tekens.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Vul het e-mailadres in.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Kies de groep.")]
        public Panel? Panel { get; set; }
    }

    public async Task OnGetAsync(string? uitgenodigd, bool verwijderd, CancellationToken ct)
    {
        Message = uitgenodigd is not null ? "De uitnodiging is verstuurd." : verwijderd ? "Het lid is verwijderd. Naam en e-mailadres zijn gewist." : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var email = FormGuard.BareEmail(Input.Email);
        if (!string.IsNullOrWhiteSpace(Input.Email) && email is null)
        {
            ModelState.AddModelError("Input.Email", "Dit is geen goed e-mailadres. Vul één e-mailadres in, zoals naam@voorbeeld.nl.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        var result = await panels.InviteAsync(FormGuard.Line(Input.Name), email!, Input.Panel!.Value,
            token => address.Link(Url.Page("/Information/Klankbord/SignIn/Link", new { token })!), ct);
        if (result == Panels.InviteResult.AlreadyMember)
        {
            ModelState.AddModelError("Input.Email", "Dit e-mailadres is al lid. Wil die persoon een nieuwe link? Die kan hij of zij zelf aanvragen op de inlogpagina.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage(new { uitgenodigd = true });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        await panels.RemoveAsync(id, ct);
        return RedirectToPage(new { verwijderd = true });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Members = (await db.PanelMembers.AsNoTracking().Where(m => m.RemovedAt == null).ToListAsync(ct))
            .OrderBy(m => m.Panel).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new MemberRow(m.Id, m.Name, m.Email, m.Panel, m.InvitedAt)).ToList();
        OpenDrafts = await drafts.OpenListAsync(ct);
    }
}
