using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Information;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Questions.Ask;

/// <summary>"Stel je vraag": anonymous if the person wants, stored before "ontvangen" shows, once per form. Whatever
/// goes wrong (a stale page, a value the form never offers, the database away), the form comes back with what was
/// typed.</summary>
[IgnoreAntiforgeryToken] // checked by FormGuard, which keeps the text when it fails
public sealed class AskModel(SteunpuntDb db, CurrentTenant tenant, Intake intake, ReplyClock replyClock,
    FormGuard guard, LastKnown lastKnown, PublicAddress address, TimeProvider clock, IOptions<QuestionsOptions> options) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<string> Gemeenten { get; private set; } = [];
    public int ReplyWorkingDays { get; private set; }
    public DateOnly DueIfSentNow { get; private set; }
    public Receipt? Receipt { get; private set; }
    public string ConversationLink { get; private set; } = "";
    public string ConversationPage { get; private set; } = "";
    public int MaxLength => options.Value.MaxTextLength;

    public static readonly (string Value, string Label)[] PhoneWindowChoices =
        [("ochtend", "'s ochtends (9.00–12.00 uur)"), ("middag", "'s middags (12.00–17.00 uur)"), ("avond", "'s avonds (17.00–20.00 uur)")];

    public sealed class InputModel : FormGuard.IGuarded
    {
        [Required(ErrorMessage = "Kies wie de vraag stelt.")]
        public RequesterRole? Role { get; set; }
        public bool Under16 { get; set; }

        public string? Text { get; set; }
        public string? Theme { get; set; }
        public SchoolPhases? Phase { get; set; }
        public string? Gemeente { get; set; }

        [Required(ErrorMessage = "Kies hoe we je antwoord mogen geven.")]
        public ContactWay? ContactWay { get; set; }
        [StringLength(100, ErrorMessage = "Je naam is te lang: gebruik hoogstens 100 tekens.")]
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public List<string> PhoneWindows { get; set; } = [];
        public bool CallWithHiddenNumber { get; set; }
        public bool NoVoicemail { get; set; }

        /// <summary>"ja" when the question holds health or diagnosis information.</summary>
        public string? SharesHealth { get; set; }
        public bool HealthConsent { get; set; }

        // Abuse guards: a field people never see, when the form was opened, and the key that makes a resend harmless.
        public string? Website { get; set; }
        public string? Started { get; set; }
        public string? SubmissionKey { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return NotFound();
        }
        Input.SubmissionKey = PersonalLink.NewSubmissionKey();
        Input.Started = guard.NewStamp();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return NotFound();
        }
        NoStore();
        var text = FormGuard.Clean(Input.Text);
        var gemeenten = await GemeentenAsync(ct);
        Validate(text, gemeenten);
        if (!IsWellFormedKey(Input.SubmissionKey))
        {
            Input.SubmissionKey = PersonalLink.NewSubmissionKey();
        }
        if (!ModelState.IsValid)
        {
            return await FormAgainAsync(ct);
        }
        try
        {
            if (lastKnown.DatabaseAway)
            {
                throw new DatabaseUnavailableException("The database was away earlier in this request.");
            }
            if (await guard.RefuseAsync(HttpContext, Input, "je vraag", "Verstuur je vraag", ct) is { } refusal)
            {
                ModelState.AddModelError(string.Empty, refusal);
                return await FormAgainAsync(ct);
            }
            var question = new NewQuestion(
                Input.Role!.Value,
                Input.Under16,
                text,
                Input.Theme ?? "",
                Input.Phase ?? SchoolPhases.None,
                Input.Gemeente ?? "",
                Input.ContactWay!.Value,
                FormGuard.Clean(Input.Name),
                (Input.Email ?? "").Trim(),
                (Input.Phone ?? "").Trim(),
                string.Join(',', Input.PhoneWindows.Where(w => PhoneWindowChoices.Any(c => c.Value == w)).Distinct()),
                Input.CallWithHiddenNumber,
                Input.NoVoicemail,
                Input.SharesHealth == "ja" && Input.HealthConsent);
            Receipt = await intake.SubmitAsync(question, Input.SubmissionKey!, ConversationAt, ct);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(string.Empty, FormGuard.NotStoredNow);
            return await FormAgainAsync(ct);
        }
        ConversationLink = ConversationAt(Receipt.Token);
        ConversationPage = ConversationAt("");
        return Page();
    }

    /// <summary>The conversation page (with a token: the personal link), at the steunpunt's configured address.</summary>
    private string ConversationAt(string token) =>
        address.Link(Url.Page("/Questions/Conversation/Conversation", new { token = token.Length == 0 ? null : token })!);

    private void Validate(string text, IReadOnlyList<string> gemeenten)
    {
        if (text.Length == 0)
        {
            ModelState.AddModelError("Input.Text", "Schrijf je vraag in het vak. Een paar zinnen is genoeg.");
        }
        else if (text.Length > MaxLength)
        {
            ModelState.AddModelError("Input.Text", $"Je vraag is te lang: hoogstens {MaxLength:N0} tekens. Nu zijn het er {text.Length:N0}. Maak hem korter; je tekst staat er nog.".Replace(',', '.'));
        }
        if (!string.IsNullOrEmpty(Input.Theme) && !Theme.IsCode(Input.Theme))
        {
            ModelState.AddModelError("Input.Theme", "Kies een onderwerp uit de lijst, of ‘Weet ik niet’.");
        }
        // (With the database away and no list at hand the choice cannot be checked; storing fails anyway, with its own message.)
        if (Input.Gemeente is { Length: > 0 } gemeente && !GemeenteChoice.IsAllowed(gemeente, gemeenten) && !(lastKnown.DatabaseAway && gemeenten.Count == 0))
        {
            // Only the steunpunt's own gemeenten are stored: nothing typed here reaches staff, reports or exports.
            ModelState.AddModelError("Input.Gemeente", "Kies een gemeente uit de lijst, of ‘Zeg ik liever niet’.");
            Input.Gemeente = null;
        }
        if (Input.Phase is { } phase && !SchoolPhaseNames.ForParents.Contains(phase))
        {
            ModelState.AddModelError("Input.Phase", "Kies een van de soorten school, of ‘Weet ik niet’.");
            Input.Phase = null;
        }
        if (Input.SharesHealth is not (null or "" or "ja" or "nee"))
        {
            ModelState.AddModelError("Input.SharesHealth", "Kies ‘Ja’ of ‘Nee’.");
            Input.SharesHealth = null;
        }
        switch (Input.ContactWay)
        {
            case Questions.ContactWay.Email when !ContactDetails.IsEmail(Input.Email):
                ModelState.AddModelError("Input.Email", string.IsNullOrWhiteSpace(Input.Email)
                    ? "Vul je e-mailadres in, of kies een andere manier."
                    : "Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl.");
                break;
            case Questions.ContactWay.Phone when ContactDetails.NormalisePhone(Input.Phone) is null:
                ModelState.AddModelError("Input.Phone", string.IsNullOrWhiteSpace(Input.Phone)
                    ? "Vul je telefoonnummer in, of kies een andere manier."
                    : "Dit telefoonnummer klopt niet. Gebruik 10 cijfers, zoals 06 12345678, of een nummer met +.");
                break;
            default:
                break;
        }
        if (Input.ContactWay == Questions.ContactWay.Phone && ContactDetails.NormalisePhone(Input.Phone) is { } phone)
        {
            Input.Phone = phone;
        }
        if (Input.SharesHealth == "ja" && !Input.HealthConsent)
        {
            ModelState.AddModelError("Input.HealthConsent",
                "Je schrijft over gezondheid of een diagnose. Geef toestemming dat wij dit bewaren, of haal die informatie uit je vraag en kies ‘Nee’.");
        }
    }

    private async Task<IActionResult> FormAgainAsync(CancellationToken ct)
    {
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
        return Page();
    }

    // What the form needs around the text; the last values read serve when the database is away.
    private async Task LoadAsync(CancellationToken ct)
    {
        Themes = await lastKnown.GetAsync("themes", async c => (IReadOnlyList<Theme>)await db.Themes.AsNoTracking().OrderBy(t => t.Code).ToListAsync(c), [], ct);
        Gemeenten = await GemeentenAsync(ct);
        ReplyWorkingDays = await lastKnown.GetAsync($"reply-days:{tenant.Id}", replyClock.PromisedWorkingDaysAsync, 3, ct);
        var today = WorkingDays.DutchDate(clock.GetUtcNow());
        DueIfSentNow = await lastKnown.GetAsync($"due:{tenant.Id}:{today}", c => replyClock.DueOnAsync(clock.GetUtcNow(), c),
            WorkingDays.DueOn(today, ReplyWorkingDays, []), ct);
    }

    private Task<IReadOnlyList<string>> GemeentenAsync(CancellationToken ct) =>
        lastKnown.GetAsync($"gemeenten:{tenant.Id}", c => GemeenteChoice.ServedAsync(db, c), [], ct);

    private void NoStore() => Response.Headers.CacheControl = "no-store";

    private static bool IsWellFormedKey(string? key) => key is { Length: 22 } && PersonalLink.LooksLikeToken(key);

}
