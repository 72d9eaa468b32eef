using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Accounts.SignIn;

/// <summary>Signing out ends every session of the account, on every device: the security stamp changes, and each
/// request checks it (see Sessions).</summary>
public sealed class LogoutModel(SignInManager<SteunpuntUser> signIn, UserManager<SteunpuntUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect(Url.Content("~/"));
    }
}
