using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.National.Steunpunten;

/// <summary>
/// One steunpunt, for landelijk beheer: create it (in oprichting), change its details and SWVs, invite its first
/// coordinator (the same invitation mail a coordinator sends colleagues) and take it live once the coordinator said it
/// is ready.
/// </summary>
public sealed class EditModel(SteunpuntDb db, SteunpuntSetup setup, Invitations invitations, PublicAddress address,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public SteunpuntSetup.Input Input { get; set; } = new();

    [BindProperty]
    public CoordinatorInput Coordinator { get; set; } = new();

    public Tenant? Steunpunt { get; private set; }
    public string? Message { get; private set; }

    public sealed class CoordinatorInput
    {
        [Required(ErrorMessage = "Vul de naam van de coördinator in.")]
        [StringLength(200, ErrorMessage = "De naam is te lang.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Vul het e-mailadres van de coördinator in.")]
        [EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            if (!await LoadAsync(ct))
            {
                return NotFound();
            }
            Input = SteunpuntSetup.From(Steunpunt!);
        }
        Message = Request.Query.ContainsKey("gemaakt") ? "Het steunpunt is gemaakt. Het is in oprichting: nodig nu de coördinator uit."
            : Request.Query.ContainsKey("opgeslagen") ? "De gegevens zijn opgeslagen."
            : Request.Query.ContainsKey("uitgenodigd") ? "De coördinator is uitgenodigd en kiest zelf een wachtwoord via de link in de e-mail."
            : Request.Query.ContainsKey("live") ? "Het steunpunt is live. Ouders en jongeren vinden het nu." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // only the steunpunt's own fields are checked here, by SteunpuntSetup
        IReadOnlyList<SteunpuntSetup.Problem>? problems;
        if (Id is { } id)
        {
            problems = await setup.UpdateAsync(id, Input, ct);
            if (problems is null)
            {
                return NotFound();
            }
            if (problems.Count == 0)
            {
                return RedirectToPage(new { id, opgeslagen = 1 });
            }
        }
        else
        {
            (var created, problems) = await setup.CreateAsync(Input, ct);
            if (created is { } newId)
            {
                return RedirectToPage(new { id = newId, gemaakt = 1 });
            }
        }
        foreach (var problem in problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{problem.Field}", problem.Message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        if (Id is not null)
        {
            await LoadAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(nameof(Coordinator), StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var steunpunt = Steunpunt!;
        if (!steunpunt.InOprichting)
        {
            // A live steunpunt's team is its coordinator's business: landelijk beheer never adds anyone to it (who could
            // then read its cases).
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            // The link is on the installation's own address for this steunpunt: its own host name may not point here yet.
            var entry = new TenantEntry(steunpunt.Id, steunpunt.Slug, steunpunt.Name, [], steunpunt.InOprichting);
            var result = await invitations.InviteAsync(Coordinator.Name!, Coordinator.Email!.Trim(), [Policies.Staff, Policies.Coordinator], steunpunt.Id, null,
                steunpunt.Name, (email, token) => address.LinkFor(entry, Url.Page("/Accounts/SignIn/SetPassword", new { email, token })!), ct);
            if (result == Invitations.Result.Sent)
            {
                return RedirectToPage(new { id = Id, uitgenodigd = 1 });
            }
            ModelState.AddModelError("Coordinator.Email", result == Invitations.Result.EmailTaken
                ? "Er is al een account met dit e-mailadres." : "Dit account kon niet worden gemaakt. Kijk het e-mailadres na.");
        }
        Input = SteunpuntSetup.From(steunpunt);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Takes the steunpunt live, once its coordinator said it is ready.</summary>
    public async Task<IActionResult> OnPostLiveAsync(CancellationToken ct)
    {
        var steunpunt = await db.Tenants.SingleOrDefaultAsync(t => t.Id == Id && t.RemovedAt == null, ct);
        if (steunpunt is null)
        {
            return NotFound();
        }
        if (!steunpunt.TakeLive(User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "", clock.GetUtcNow()))
        {
            return RedirectToPage(new { id = Id });
        }
        await db.SaveChangesAsync(ct);
        await setup.ChangedAsync(ct);
        return RedirectToPage(new { id = Id, live = 1 });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // A removed steunpunt is no longer changed: the list shows when it was removed, and nothing more.
        Steunpunt = await SteunpuntSetup.WithRegion(db.Tenants.AsNoTracking()).SingleOrDefaultAsync(t => t.Id == Id && t.RemovedAt == null, ct);
        return Steunpunt is not null;
    }
}
