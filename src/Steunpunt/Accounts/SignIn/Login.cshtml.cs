using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Steunpunt.Accounts.SignIn;

/// <summary>
/// The first step: e-mail address and password. It never tells whether an address has an account: an unknown
/// address costs the same password check as a known one, and every failure (wrong password, unknown address, a
/// locked account) gets the same message.
/// </summary>
public sealed class LoginModel(SignInManager<SteunpuntUser> signIn, UserManager<SteunpuntUser> users, IPasswordHasher<SteunpuntUser> hasher,
    SignInDecoy decoy, IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul uw e-mailadres in.")]
        [EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
        [Display(Name = "E-mailadres")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Vul uw wachtwoord in.")]
        [DataType(DataType.Password)]
        [Display(Name = "Wachtwoord")]
        public string Password { get; set; } = "";
    }

    /// <summary>Coming from the page where a forgotten password was replaced.</summary>
    public bool NewPassword { get; private set; }

    public void OnGet(string? wachtwoord) => NewPassword = wachtwoord == "nieuw";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            decoy.Check(hasher, new SteunpuntUser(), Input.Password);
            return Refused();
        }
        // Identity answers an account that is already locked before it checks the password: that attempt does the same
        // work on the decoy. The attempt that locks the account has checked the password already, and does no more.
        var lockedBefore = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut && lockedBefore)
        {
            decoy.Check(hasher, user, Input.Password);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignIn/TwoStep", new { ReturnUrl });
        }
        if (result.Succeeded)
        {
            // Every account signs in with two steps: one without them sets them up now.
            return RedirectToPage("/Accounts/SignIn/TwoStepSetup", new { ReturnUrl });
        }
        return Refused();
    }

    private PageResult Refused()
    {
        var minutes = (int)Math.Round(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);
        ModelState.AddModelError(string.Empty,
            $"Inloggen lukt niet. Kijk of het e-mailadres en het wachtwoord kloppen. Ging het {identity.Value.Lockout.MaxFailedAccessAttempts} keer mis? Wacht dan {minutes} minuten en probeer het opnieuw.");
        return Page();
    }
}
