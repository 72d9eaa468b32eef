using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Web;

namespace Steunpunt.National.Webinars;

/// <summary>
/// One webinar: what it is about and when, the form to register (name, e-mail, organisation, and a question in advance
/// if you like); afterwards the recording, the slides and the answered questions. The meeting room's link is only in
/// the mails.
/// </summary>
[IgnoreAntiforgeryToken] // FormGuard checks it, and keeps what was typed when it fails
public sealed class DetailModel(SteunpuntDb db, WebinarDesk desk, FormGuard guard, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<WebinarOptions> options) : PageModel
{
    public Webinar Webinar { get; private set; } = null!;
    public int Registered { get; private set; }
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public bool IsPast => Webinar.EndsAt <= clock.GetUtcNow();
    public bool IsOpen => !Webinar.Cancelled && Webinar.StartsAt > clock.GetUtcNow() && Registered < Webinar.MaxParticipants;
    public int KeepDays => options.Value.KeepRegistrationsDays;
    public string? Message { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty] public RegisterInput Input { get; set; } = new();

    public sealed class RegisterInput : FormGuard.IGuarded
    {
        [Required(ErrorMessage = "Vul uw naam in.")]
        [StringLength(200, ErrorMessage = "De naam is te lang.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Vul uw e-mailadres in.")]
        [EmailAddress(ErrorMessage = "Dit is geen goed e-mailadres. Kijk het na, bijvoorbeeld: naam@school.nl")]
        [StringLength(200, ErrorMessage = "Het e-mailadres is te lang.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Vul uw organisatie in.")]
        [StringLength(200, ErrorMessage = "De naam van de organisatie is te lang.")]
        public string? Organisation { get; set; }

        [StringLength(1000, ErrorMessage = "De vraag is te lang: hoogstens 1000 tekens.")]
        public string? Question { get; set; }

        public string? Theme { get; set; }
        /// <summary>The webinar's title as the form showed it, to show the form again when the database is away.</summary>
        public string? WebinarTitle { get; set; }
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
        Message = Request.Query.ContainsKey("aangemeld")
            ? "Dank u. We sturen een mail naar het adres dat u opgaf, met de link naar het webinar en een uitnodiging voor uw agenda. Kreeg u al eerder zo'n mail? Dan krijgt u hem nog een keer."
            : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }
            var email = FormGuard.BareEmail(Input.Email);
            if (!string.IsNullOrWhiteSpace(Input.Email) && email is null && ModelState[$"{nameof(Input)}.{nameof(Input.Email)}"]?.Errors.Count is null or 0)
            {
                ModelState.AddModelError("Input.Email", "Vul één e-mailadres in, zonder naam ervoor. Bijvoorbeeld: naam@school.nl");
            }
            var question = FormGuard.Clean(Input.Question);
            var theme = Themes.Any(t => t.Code == Input.Theme) ? Input.Theme : null;
            if (!string.IsNullOrEmpty(Input.Theme) && theme is null)
            {
                ModelState.AddModelError("Input.Theme", "Kies een onderwerp uit de lijst.");
            }
            if (Privacy.PersonalDetails.Obvious(question) is { } found)
            {
                ModelState.AddModelError("Input.Question", $"Er staat {found} in uw vraag. Haal dat weg: we bespreken de vragen zonder namen.");
            }
            if (!ModelState.IsValid)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                Input.Started = guard.NewStamp();
                return Page();
            }
            if (await guard.RefuseAsync(HttpContext, Input, "uw aanmelding", "Meld mij aan", youth: false, ct) is { } refusal)
            {
                Refusal = refusal;
                return Page();
            }
            var result = await desk.RegisterAsync(Webinar, FormGuard.Line(Input.Name), email!, FormGuard.Line(Input.Organisation),
                question, theme, Url.Page("/National/Webinars/Detail", new { id })!, ct);
            if (result is WebinarDesk.Result.Registered or WebinarDesk.Result.AlreadyRegistered)
            {
                return RedirectToPage(null, null, new { id, aangemeld = 1 }, "aanmelden");
            }
            Refusal = result == WebinarDesk.Result.Full
                ? "Het webinar is net vol geraakt. U bent niet aangemeld. Kijk bij de andere webinars, of bekijk dit webinar later terug."
                : "Aanmelden kan niet meer: het webinar is al begonnen of gaat niet door.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            Registered = await db.Set<Webinar>().Where(w => w.Id == id).Select(w => w.Taken).SingleAsync(ct);
            return Page();
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            // Not stored: the form comes back with what was typed. The page itself could not be read either, so it shows
            // the form with the title the form carried.
            Webinar ??= new Webinar { Id = id, Title = FormGuard.Line(Input.WebinarTitle) is { Length: > 0 } title ? title : "Webinar", StartsAt = DateTimeOffset.MaxValue.AddDays(-2), MaxParticipants = int.MaxValue };
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Refusal = "We konden uw aanmelding nu niet bewaren. Probeer het over een paar minuten opnieuw. Wat u invulde, staat hieronder nog.";
            Input.Started = guard.NewStamp();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<Webinar>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct) is not { } webinar)
        {
            return false;
        }
        Webinar = webinar;
        Registered = webinar.Taken;
        Themes = await db.Set<Theme>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        return true;
    }
}
