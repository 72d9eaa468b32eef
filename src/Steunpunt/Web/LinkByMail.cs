using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Web;

/// <summary>
/// The "stuur mij een link" form (a forgotten password, a klankbord member's sign-in): one e-mail address, the same
/// answer whether or not it is known, the anonymous forms' guards (honeypot, fill time, the per-address limit), and
/// the address kept on every refusal and on a database outage.
/// </summary>
public static class LinkByMail
{
    public sealed class InputModel : FormGuard.IGuarded
    {
        public string? Email { get; set; }
        public string? Website { get; set; }
        public string? Started { get; set; }
    }

    /// <summary>How the form speaks: "uw" to an account holder, "het"/"de" (and the je-form guards) to a panel member.</summary>
    public sealed record Wording(string EmailMissing, string Request, bool Youth);

    public static readonly Wording ToAccount = new("Vul uw e-mailadres in.", "uw aanvraag", Youth: false);
    public static readonly Wording ToPanelMember = new("Vul het e-mailadres in.", "de aanvraag", Youth: true);

    /// <summary>Checks the form, then lets <paramref name="send"/> do the work for a well-formed address; afterwards the
    /// page says "verstuurd", or shows the form again with what was typed.</summary>
    public static async Task<IActionResult> PostAsync(PageModel page, InputModel input, FormGuard guard, LastKnown lastKnown,
        Wording wording, Func<string, CancellationToken, Task> send, CancellationToken ct)
    {
        var email = FormGuard.BareEmail(input.Email);
        if (email is null)
        {
            page.ModelState.AddModelError("Input.Email", string.IsNullOrWhiteSpace(input.Email)
                ? wording.EmailMissing
                : "Dit is geen goed e-mailadres. Vul één e-mailadres in, zoals naam@voorbeeld.nl.");
            return Again(page, input, guard);
        }
        try
        {
            if (await guard.RefuseAsync(page.HttpContext, input, wording.Request, "Stuur een link", wording.Youth, ct) is { } refusal)
            {
                page.ModelState.AddModelError(string.Empty, refusal);
                return Again(page, input, guard);
            }
            await send(email, ct);
        }
        catch (Exception e) when (Data.DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            page.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            page.ModelState.AddModelError(string.Empty, $"Het lukte nu niet om {wording.Request} te verwerken. Probeer het over een paar minuten opnieuw.");
            return Again(page, input, guard);
        }
        return page.RedirectToPage(new { verstuurd = true });
    }

    private static PageResult Again(PageModel page, InputModel input, FormGuard guard)
    {
        if (page.Response.StatusCode == StatusCodes.Status200OK)
        {
            page.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        input.Started ??= guard.NewStamp();
        return page.Page();
    }
}
