using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Web;

namespace Steunpunt.Information.Klankbord.SignIn;

/// <summary>
/// A member asks for a new sign-in link by e-mail address. The answer is the same whether or not the address belongs to
/// a member, so the page does not tell who is one; the form has the anonymous forms' guards (honeypot, fill time and
/// the per-address limit) and keeps what was typed when it refuses.
/// </summary>
[IgnoreAntiforgeryToken] // FormGuard checks the token itself and keeps the address when it fails
public sealed class RequestModel(Panels panels, FormGuard guard, PublicAddress address, LastKnown lastKnown) : PageModel
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
        LinkByMail.PostAsync(this, Input, guard, lastKnown, LinkByMail.ToPanelMember, (email, c) => panels.RequestLinkAsync(email, token => address.Link(Url.Page("/Information/Klankbord/SignIn/Link", new { token })!), c), ct);
}
