using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Accounts.SignIn;

/// <summary>The second step: the code from the authenticator app.</summary>
public sealed class TwoStepModel(SignInManager<SteunpuntUser> signIn, UserManager<SteunpuntUser> users, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vul de code uit uw app in.")]
    [Display(Name = "Code uit uw app")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/SignIn/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Accounts/SignIn/Login");
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoStep.Normalise(Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage(TwoStep.LandingPage(await users.GetRolesAsync(user)));
        }
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? $"Te vaak een verkeerde code. Probeer het over {(int)Math.Round(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes)} minuten opnieuw."
            : "Deze code klopt niet, of is al gebruikt. Vul de code in die uw app nu laat zien; is die al gebruikt, wacht dan op de volgende.");
        return Page();
    }
}
