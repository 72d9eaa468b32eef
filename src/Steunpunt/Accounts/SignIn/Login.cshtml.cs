using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Accounts.SignIn;

public sealed class LoginModel(SignInManager<SteunpuntUser> signIn, UserManager<SteunpuntUser> users) : PageModel
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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignIn/TwoStep", new { ReturnUrl });
        }
        if (result.Succeeded)
        {
            var user = await users.FindByEmailAsync(Input.Email);
            if (user is not null && await TwoStep.RequiredAsync(users, user))
            {
                // Staff read cases only after two steps: they set up their authenticator app now.
                return RedirectToPage("/Accounts/SignIn/TwoStepSetup", new { ReturnUrl });
            }
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Content("~/beheer"));
        }
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Te vaak een verkeerd wachtwoord. Probeer het over een kwartier opnieuw."
            : "Het e-mailadres of het wachtwoord klopt niet.");
        return Page();
    }
}
