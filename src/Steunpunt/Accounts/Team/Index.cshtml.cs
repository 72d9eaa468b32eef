using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Accounts.Team;

/// <summary>
/// The coordinator manages the steunpunt's accounts: invite a colleague (staff, coordinator, editor or a board member
/// of one SWV), who sets their own password through a mailed link; reset a colleague's two-step sign-in when a phone
/// is lost.
/// </summary>
public sealed class IndexModel(UserManager<SteunpuntUser> users, SteunpuntDb db, CurrentTenant tenant, TimeProvider clock,
    Invitations invitations, Steunpunt.Web.PublicAddress address) : PageModel
{
    public static readonly (string Key, string Label, string[] Roles)[] Kinds =
    [
        ("staff", "Medewerker", [Policies.Staff]),
        ("coordinator", "Coördinator (medewerker die ook het logboek en de accounts beheert)", [Policies.Staff, Policies.Coordinator]),
        ("editor", "Redacteur (informatie op de website)", [Policies.Editor]),
        ("board", "Bestuurder van een samenwerkingsverband (alleen rapportage en signalen)", [Policies.Board]),
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(SteunpuntUser User, IReadOnlyList<string> Roles)> Accounts { get; private set; } = [];
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>The steunpunt is still being set up; then whether the coordinator already said it is ready.</summary>
    public bool InOprichting { get; private set; }
    public DateTimeOffset? ReadyAt { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul de naam in.")]
        [StringLength(200, ErrorMessage = "De naam is te lang.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Vul het e-mailadres in.")]
        [EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
        public string? Email { get; set; }

        public string Kind { get; set; } = "staff";
        public Guid? PartnershipId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var kind = Kinds.FirstOrDefault(k => k.Key == Input.Kind);
        if (kind.Key is null)
        {
            ModelState.AddModelError("Input.Kind", "Kies wat voor account het wordt.");
        }
        if (kind.Key == "board" && (Input.PartnershipId is not { } swv || !await db.Set<Partnership>().AnyAsync(p => p.Id == swv, ct)))
        {
            ModelState.AddModelError("Input.PartnershipId", "Kies het samenwerkingsverband van de bestuurder.");
        }
        if (ModelState.IsValid)
        {
            var result = await invitations.InviteAsync(Input.Name!, Input.Email!, kind.Roles, tenant.Id, kind.Key == "board" ? Input.PartnershipId : null,
                tenant.Value?.Name ?? "Steunpunt", (email, token) => address.Link(Url.Page("/Accounts/SignIn/SetPassword", new { email, token })!), ct);
            if (result != Invitations.Result.Sent)
            {
                ModelState.AddModelError("Input.Email", result == Invitations.Result.EmailTaken
                    ? "Er is al een account met dit e-mailadres." : "Dit account kon niet worden gemaakt. Kijk het e-mailadres na.");
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage(new { uitgenodigd = 1 });
    }

    /// <summary>The coordinator says the steunpunt is ready to go live; the national administrator then takes it live.</summary>
    public async Task<IActionResult> OnPostReadyAsync(CancellationToken ct)
    {
        var steunpunt = await db.Tenants.SingleAsync(t => t.Id == tenant.Id, ct);
        steunpunt.MarkReady(User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { klaar = 1 });
    }

    public async Task<IActionResult> OnPostResetTwoStepAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.TenantId != tenant.Id)
        {
            return NotFound();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await OnceOnlyAuthenticator.ForgetAsync(db, user.Id);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user); // signs them out everywhere
        return RedirectToPage(new { hersteld = 1 });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Request.Query.ContainsKey("uitgenodigd"))
        {
            Message = "De uitnodiging is verstuurd. Je collega kiest zelf een wachtwoord via de link in de e-mail.";
        }
        else if (Request.Query.ContainsKey("klaar"))
        {
            Message = "Gemeld: jullie steunpunt is klaar om live te gaan. Landelijk beheer zet het live; daarna vinden ouders en jongeren het.";
        }
        else if (Request.Query.ContainsKey("hersteld"))
        {
            Message = "Inloggen in twee stappen is opnieuw ingesteld. Je collega stelt het bij de volgende keer inloggen opnieuw in.";
        }
        Accounts = await db.TeamAsync(tenant.Id, ct);
        var stage = await db.Tenants.Where(t => t.Id == tenant.Id).Select(t => new { t.InOprichting, t.ReadyAt }).SingleAsync(ct);
        (InOprichting, ReadyAt) = (stage.InOprichting, stage.ReadyAt);
        Partnerships = await db.Set<Partnership>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
    }
}
