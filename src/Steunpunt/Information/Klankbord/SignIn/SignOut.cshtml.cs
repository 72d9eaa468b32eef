using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Accounts;

namespace Steunpunt.Information.Klankbord.SignIn;

/// <summary>Signing out (a POST, so no link or image can do it); the page itself offers the button.</summary>
public sealed class SignOutModel : PageModel
{
    public bool Done { get; private set; }

    public void OnGet(bool klaar) => Done = klaar;

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(Policies.PanelScheme);
        return RedirectToPage(new { klaar = true });
    }
}
