using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Steunpunt.Accounts.SignIn;

/// <summary>Setting up two-step sign-in at first sign-in: a key for the authenticator app (typed in, or scanned
/// from a QR code drawn here), confirmed with a first code.</summary>
public sealed class TwoStepSetupModel(UserManager<SteunpuntUser> users, SignInManager<SteunpuntUser> signIn, Data.SteunpuntDb db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vul de code uit uw app in.")]
    [Display(Name = "Code uit uw app")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Key { get; private set; } = "";
    public string QrCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Accounts/SignIn/Login");
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("/Accounts/SignIn/Login", new { ReturnUrl });
        }
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("/Accounts/SignIn/Login");
        }
        if (ModelState.IsValid && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoStep.Normalise(Code)))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [TwoStep.MfaClaim]);
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage(TwoStep.LandingPage(await users.GetRolesAsync(user)));
        }
        if (ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(Code), "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat en vul de code in die de app nu laat zien.");
        }
        await LoadKeyAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(SteunpuntUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await OnceOnlyAuthenticator.ForgetAsync(db, user.Id); // a new key: none of its codes was used yet
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key changes the account's security stamp, which ends sessions (see Sessions): renew this one.
            await signIn.RefreshSignInAsync(user);
        }
        Key = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Steunpunt:" + user.Email)}?secret={key}&issuer=Steunpunt&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
