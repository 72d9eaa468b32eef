using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Web;

namespace Steunpunt.Accounts.SignIn;

/// <summary>
/// The link from a "wachtwoord vergeten" mail. Opening it (GET) only shows the form, so a mail scanner that opens the
/// link first uses nothing up; saving a new password (POST) uses the link. It never signs in: the person signs in with
/// the new password and their two-step code.
/// </summary>
public sealed class ResetPasswordModel(ForgottenPasswords passwords, LastKnown lastKnown) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Kies een nieuw wachtwoord.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nieuw wachtwoord (minstens 12 tekens)")]
    public string Password { get; set; } = "";

    public bool LinkNotValid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await passwords.AccountOfLinkAsync(Id, Token) is null)
        {
            return NotValid();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        ForgottenPasswords.ResetResult result;
        try
        {
            result = await passwords.ResetAsync(Id, Token, Password);
        }
        catch (Exception e) when (Data.DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(string.Empty, "Het lukte nu niet om uw nieuwe wachtwoord op te slaan. Probeer het over een paar minuten opnieuw. De link blijft zo lang werken als in de mail staat.");
            return Page();
        }
        switch (result)
        {
            case ForgottenPasswords.ResetResult.Done:
                return RedirectToPage("/Accounts/SignIn/Login", new { wachtwoord = "nieuw" });
            case ForgottenPasswords.ResetResult.WeakPassword:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                ModelState.AddModelError(nameof(Password), SetPasswordModel.WeakPassword);
                return Page();
            default:
                return NotValid();
        }
    }

    private PageResult NotValid()
    {
        LinkNotValid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
