using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Accounts.SignIn;

public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
