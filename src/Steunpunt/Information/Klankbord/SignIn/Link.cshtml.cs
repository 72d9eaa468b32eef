using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Accounts;
using Steunpunt.Web;

namespace Steunpunt.Information.Klankbord.SignIn;

/// <summary>
/// The sign-in link from the mail. Opening it (GET) only shows a button: mail scanners open links before the reader
/// does, and must neither sign in nor use up the link. The button (POST) uses the link once and signs the member in.
/// Links that open nothing count toward the per-address limit, as for the personal links of questions.
/// </summary>
public sealed class LinkModel(PanelLinks links, AbuseLimits limits) : PageModel
{
    public string? Problem { get; private set; }

    public IActionResult OnGet(string token)
    {
        Response.Headers.CacheControl = "no-store";
        return SubmissionKeys.LooksValid(token) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (await limits.LookupsExhaustedAsync(HttpContext, ct))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Problem = "Vanaf dit adres is het te vaak geprobeerd. Probeer het over een uur opnieuw.";
            return Page();
        }
        var member = SubmissionKeys.LooksValid(token) ? await links.ClaimAsync(token, ct) : null;
        if (member is null)
        {
            await limits.RecordFailedLookupAsync(HttpContext, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Problem = "Deze link werkt niet meer. Een link werkt maar één keer, en maar een korte tijd. Vraag hieronder een nieuwe link aan.";
            return Page();
        }
        await HttpContext.SignInAsync(Policies.PanelScheme, KlankbordFeature.Principal(member));
        return RedirectToPage("/Information/Klankbord/Member/Index");
    }
}
