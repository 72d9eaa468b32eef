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
    public LinkByMail.InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(bool verstuurd)
    {
        Sent = verstuurd;
        Input.Started = guard.NewStamp();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        LinkByMail.PostAsync(this, Input, guard, lastKnown, LinkByMail.ToAccount, passwords.RequestAsync, ct);
}
