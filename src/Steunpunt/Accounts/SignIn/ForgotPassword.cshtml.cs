using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Web;

namespace Steunpunt.Accounts.SignIn;

/// <summary>
/// Someone who forgot their password asks for a link by e-mail address. The answer is the same whether or not the
/// address has an account; the form has the anonymous forms' guards (honeypot, fill time, the per-address limit) and
/// keeps the address when it refuses.
/// </summary>
[IgnoreAntiforgeryToken] // FormGuard checks the token itself and keeps the address when it fails
public sealed class ForgotPasswordModel(ForgottenPasswords passwords, FormGuard guard, LastKnown lastKnown) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel : FormGuard.IGuarded
    {
        public string? Email { get; set; }
        public string? Website { get; set; }
        public string? Started { get; set; }
    }

    public void OnGet(bool verstuurd)
    {
        Sent = verstuurd;
        Input.Started = guard.NewStamp();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = FormGuard.BareEmail(Input.Email);
        if (email is null)
        {
            ModelState.AddModelError("Input.Email", string.IsNullOrWhiteSpace(Input.Email)
                ? "Vul uw e-mailadres in."
                : "Dit is geen goed e-mailadres. Vul één e-mailadres in, zoals naam@voorbeeld.nl.");
            return FormAgain();
        }
        try
        {
            if (await guard.RefuseAsync(HttpContext, Input, "uw aanvraag", "Stuur een link", youth: false, ct) is { } refusal)
            {
                ModelState.AddModelError(string.Empty, refusal);
                return FormAgain();
            }
            await passwords.RequestAsync(email, ct);
        }
        catch (Exception e) when (Data.DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(string.Empty, "Het lukte nu niet om uw aanvraag te verwerken. Probeer het over een paar minuten opnieuw.");
            return FormAgain();
        }
        return RedirectToPage(new { verstuurd = true });
    }

    private PageResult FormAgain()
    {
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Input.Started ??= guard.NewStamp();
        return Page();
    }
}
