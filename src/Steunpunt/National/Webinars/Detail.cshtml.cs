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
        Message = Request.Query["aangemeld"].ToString() switch
        {
            "1" => "U bent aangemeld. U krijgt een mail met een uitnodiging voor uw agenda, en de dag ervoor een herinnering.",
            "al" => "Dit e-mailadres is al aangemeld. U krijgt geen tweede mail.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (await guard.RefuseAsync(HttpContext, Input, "uw aanmelding", "Meld mij aan", youth: false, ct) is { } refusal)
        {
            Refusal = refusal;
            return Page();
        }
        var question = FormGuard.Clean(Input.Question);
        var theme = Themes.Any(t => t.Code == Input.Theme) ? Input.Theme : null;
        if (!string.IsNullOrEmpty(Input.Theme) && theme is null)
        {
            ModelState.AddModelError("Input.Theme", "Kies een onderwerp uit de lijst.");
        }
        if (Privacy.PersonalDetails.Obvious(question) is { } found)
        {
            ModelState.AddModelError("Input.Question", $"Er staat {found} in uw vraag. Haal dat weg: vragen worden zonder naam besproken.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Input.Started = guard.NewStamp();
            return Page();
        }
        var result = await desk.RegisterAsync(Webinar, FormGuard.Clean(Input.Name), Input.Email!.Trim(), FormGuard.Clean(Input.Organisation),
            question, theme, Url.Page("/National/Webinars/Detail", new { id })!, ct);
        switch (result)
        {
            case WebinarDesk.Result.Registered:
                return RedirectToPage(null, null, new { id, aangemeld = 1 }, "aanmelden");
            case WebinarDesk.Result.AlreadyRegistered:
                return RedirectToPage(null, null, new { id, aangemeld = "al" }, "aanmelden");
            default:
                Refusal = result == WebinarDesk.Result.Full
                    ? "Het webinar is net vol geraakt. U bent niet aangemeld. Kijk bij de andere webinars, of bekijk dit webinar later terug."
                    : "Aanmelden kan niet meer: het webinar is begonnen of gaat niet door.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                Registered = await desk.CountAsync(id, ct);
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
        Registered = await desk.CountAsync(id, ct);
        Themes = await db.Set<Theme>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        return true;
    }
}
