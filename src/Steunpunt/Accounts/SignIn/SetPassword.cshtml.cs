using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Accounts.SignIn;

/// <summary>A new colleague chooses a password through the link from their invitation.</summary>
public sealed class SetPasswordModel(UserManager<SteunpuntUser> users) : PageModel
{
    /// <summary>Identity's password rules (AccountsFeature) in words; every page that sets a password says them.</summary>
    public const string WeakPassword = "Dit wachtwoord is niet sterk genoeg: gebruik minstens 12 tekens, met hoofdletters, kleine letters en cijfers.";

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Kies een wachtwoord.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nieuw wachtwoord (minstens 12 tekens)")]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = Email is null ? null : await users.FindByEmailAsync(Email);
        var result = user is null ? null : await users.ResetPasswordAsync(user, Token ?? "", Password);
        if (result is { Succeeded: true })
        {
            return RedirectToPage("/Accounts/SignIn/Login");
        }
        if (result is null || result.Errors.Any(e => e.Code == "InvalidToken"))
        {
            ModelState.AddModelError(string.Empty, "Deze link werkt niet (meer). Vraag je coördinator om een nieuwe uitnodiging.");
        }
        else
        {
            ModelState.AddModelError(nameof(Password), WeakPassword);
        }
        return Page();
    }
}
