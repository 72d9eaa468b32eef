using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Web;
using Steunpunt.Web.Mail;

namespace Steunpunt.National.Practice;

/// <summary>
/// One published practice example, with its steunpunt and date. "Ook interesse?" sends a message to the contact person
/// through the app: their address is never on the page; the mail carries the sender's address so they can answer.
/// </summary>
[IgnoreAntiforgeryToken] // FormGuard checks it, and keeps what was typed when it fails
public sealed class ExampleModel(SteunpuntDb db, FormGuard guard, TimeProvider clock, MailSender mail) : PageModel
{
    public PracticeExample Example { get; private set; } = null!;
    public string? ThemeName { get; private set; }
    public string? Message { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty] public InterestInput Input { get; set; } = new();

    public sealed class InterestInput : FormGuard.IGuarded
    {
        [Required(ErrorMessage = "Vul uw naam in.")]
        [StringLength(200, ErrorMessage = "De naam is te lang.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Vul uw e-mailadres in, zodat de contactpersoon u kan antwoorden.")]
        [EmailAddress(ErrorMessage = "Dit is geen goed e-mailadres. Kijk het na, bijvoorbeeld: naam@steunpunt.nl")]
        [StringLength(200, ErrorMessage = "Het e-mailadres is te lang.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Vul uw organisatie in.")]
        [StringLength(200, ErrorMessage = "De naam van de organisatie is te lang.")]
        public string? Organisation { get; set; }

        [Required(ErrorMessage = "Schrijf een kort bericht.")]
        [StringLength(2000, ErrorMessage = "Het bericht is te lang: hoogstens 2000 tekens.")]
        public string? Text { get; set; }

        /// <summary>The example's title as the form showed it, to show the form again when the database is away.</summary>
        public string? ExampleTitle { get; set; }
        public string? Website { get; set; }
        public string? Started { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input.Started = guard.NewStamp();
        Message = Request.Query.ContainsKey("verstuurd") ? "Uw bericht is verstuurd. De contactpersoon kan u per mail antwoorden." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            if (!await LoadAsync(id, ct) || !Example.ContactAgreed
                || await db.Set<PracticeContact>().Where(c => c.ExampleId == id).Select(c => c.Email).SingleOrDefaultAsync(ct) is not { Length: > 0 } to)
            {
                return NotFound();
            }
            var email = FormGuard.BareEmail(Input.Email);
            if (!string.IsNullOrWhiteSpace(Input.Email) && email is null && ModelState["Input.Email"]?.Errors.Count is null or 0)
            {
                ModelState.AddModelError("Input.Email", "Vul één e-mailadres in, zonder naam ervoor. Bijvoorbeeld: naam@steunpunt.nl");
            }
            if (!ModelState.IsValid)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                Input.Started = guard.NewStamp();
                return Page();
            }
            if (await guard.RefuseAsync(HttpContext, Input, "uw bericht", "Verstuur", youth: false, ct) is { } refusal)
            {
                Refusal = refusal;
                return Page();
            }
            var (name, organisation, text) = (FormGuard.Line(Input.Name), FormGuard.Line(Input.Organisation), FormGuard.Clean(Input.Text));
            db.QueueMail(null, "Praktijkvoorbeelden steunpunten", to, $"Interesse in uw praktijkvoorbeeld: {Example.Title}",
                $"""
                Beste {Example.ContactName},

                Via de bibliotheek van praktijkvoorbeelden kreeg u een bericht over "{Example.Title}".
                De afzender noemt zich {name}, van {organisation}. Wij hebben niet gecontroleerd wie het is.

                Het bericht:

                {text}

                Wilt u antwoorden? Mail dan naar het adres dat de afzender opgaf: {email}
                Uw eigen e-mailadres staat niet op de website; de afzender ziet het pas als u antwoordt.
                """, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            mail.Wake();
            return RedirectToPage(null, null, new { id, verstuurd = 1 }, "interesse");
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            // Not sent: the form comes back with what was typed.
            Example ??= new PracticeExample { Id = id, Title = FormGuard.Line(Input.ExampleTitle) is { Length: > 0 } t ? t : "Praktijkvoorbeeld", ContactAgreed = true, ContactName = "de contactpersoon" };
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Refusal = "We konden uw bericht nu niet versturen. Probeer het over een paar minuten opnieuw. Wat u schreef, staat hieronder nog.";
            Input.Started = guard.NewStamp();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await PracticeExample.Public(db).SingleOrDefaultAsync(p => p.Id == id, ct) is not { } example)
        {
            return false;
        }
        Example = example;
        ThemeName = example.ThemeCode is { } code ? await db.Set<Theme>().Where(t => t.Code == code).Select(t => t.Name).SingleOrDefaultAsync(ct) : null;
        return true;
    }
}
