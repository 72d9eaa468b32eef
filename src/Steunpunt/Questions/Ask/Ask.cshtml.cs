using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Questions.Ask;

/// <summary>"Stel uw vraag": anonymous if the person wants, stored before "ontvangen" shows, once per form. Whatever
/// goes wrong (a stale page, a value the form never offers, the database away), the form comes back with what was
/// typed. Parents read "u"; with ?voor=jongeren the page and its messages say "je".</summary>
[IgnoreAntiforgeryToken] // checked by FormGuard, which keeps the text when it fails
public sealed class AskModel(SteunpuntDb db, CurrentTenant tenant, Intake intake, ReplyClock replyClock,
    FormGuard guard, LastKnown lastKnown, PublicAddress address, TimeProvider clock,
    AbuseLimits limits, OpeningTimes openingTimes) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>"jongeren" for the youth form (je); anything else is the parents' form (u). The form carries it.</summary>
    [BindProperty(SupportsGet = true, Name = "voor")]
    public string? For { get; set; }

    public bool Youth => For == "jongeren";

    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<string> Gemeenten { get; private set; } = [];
    public int ReplyWorkingDays { get; private set; }
    public DateOnly DueIfSentNow { get; private set; }
    public Receipt? Receipt { get; private set; }
    public string ConversationLink { get; private set; } = "";
    public string ConversationPage { get; private set; } = "";
    public int MaxLength => guard.MaxTextLength;

    /// <summary>"Stuur mij de link": the link and code shown on the confirmation, and an address for one mail.</summary>
    [BindProperty]
    public SendLinkInput Send { get; set; } = new();

    public sealed class SendLinkInput
    {
        public string? Token { get; set; }
        public string? Code { get; set; }
        public string? Email { get; set; }
    }

    /// <summary>Set once the link was mailed: the confirmation says so.</summary>
    public bool LinkSent { get; private set; }

    public const int MaxNameLength = 100;

    /// <summary>The call-back windows within the steunpunt's opening hours.</summary>
    public IReadOnlyList<CallWindows.Window> PhoneWindowChoices { get; private set; } = CallWindows.All;

    public sealed class InputModel : FormGuard.IGuarded
    {
        [Required(ErrorMessage = "Kies wie de vraag stelt.")]
        public RequesterRole? Role { get; set; }
        public bool Under16 { get; set; }

        public string? Text { get; set; }
        public string? Theme { get; set; }
        public SchoolPhases? Phase { get; set; }
        public string? Gemeente { get; set; }

        // Required, checked in Validate: the message speaks to the reader (u or je).
        public ContactWay? ContactWay { get; set; }
        // At most MaxNameLength characters, checked in Validate for the same reason.
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
        Input.SubmissionKey = SubmissionKeys.New();
        Input.Started = guard.NewStamp();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NoStore();
        var text = FormGuard.Clean(Input.Text);
        var gemeenten = await GemeentenAsync(ct);
        PhoneWindowChoices = await WindowsAsync(ct);
        Validate(text, gemeenten);
        if (!IsWellFormedKey(Input.SubmissionKey))
        {
            Input.SubmissionKey = SubmissionKeys.New();
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
            if (await guard.RefuseAsync(HttpContext, Input, T("uw vraag", "je vraag"), T("Verstuur uw vraag", "Verstuur je vraag"), Youth, ct) is { } refusal)
            {
                ModelState.AddModelError(string.Empty, refusal);
                return await FormAgainAsync(ct);
            }
            var question = new NewQuestion(
                Input.Role!.Value,
                Input.Under16,
                text,
                ThemeSet.Of(Input.Theme),
                Input.Phase ?? SchoolPhases.None,
                Input.Gemeente ?? "",
                Input.ContactWay!.Value,
                FormGuard.Clean(Input.Name),
                (Input.Email ?? "").Trim(),
                (Input.Phone ?? "").Trim(),
                string.Join(',', Input.PhoneWindows.Distinct()),
                Input.CallWithHiddenNumber,
                Input.NoVoicemail,
                Input.SharesHealth == "ja" && Input.HealthConsent);
            Receipt = await intake.SubmitAsync(question, Input.SubmissionKey!, ConversationAt, ct);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(string.Empty, FormGuard.NotStoredNow(Youth));
            return await FormAgainAsync(ct);
        }
        ConversationLink = ConversationAt(Receipt.Token);
        ConversationPage = ConversationAt("");
        return Page();
    }

    /// <summary>
    /// Mails the personal link and code to an address typed on the confirmation, once; the address is not stored.
    /// The confirmation shows again, with what was typed when something is wrong.
    /// </summary>
    public async Task<IActionResult> OnPostSendLinkAsync(CancellationToken ct)
    {
        NoStore();
        var token = (Send.Token ?? "").Trim();
        var code = (Send.Code ?? "").Trim();
        if (!SubmissionKeys.LooksValid(token) || PersonalLink.NormaliseCode(code) is null)
        {
            return RedirectToPage(new { voor = Youth ? For : null });
        }
        ModelState.Clear();
        var due = default(DateOnly?);
        if (!ContactDetails.IsEmail(Send.Email))
        {
            ModelState.AddModelError("Send.Email", string.IsNullOrWhiteSpace(Send.Email)
                ? T("Vul uw e-mailadres in.", "Vul je e-mailadres in.")
                : "Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl.");
        }
        else if (!await guard.FromThisSiteAsync(HttpContext))
        {
            ModelState.AddModelError("Send.Email", "Deze pagina stond te lang open. Klik nog een keer op de knop.");
        }
        else
        {
            try
            {
                if (!await limits.TrySubmitAsync(HttpContext, ct))
                {
                    Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    ModelState.AddModelError("Send.Email", "Er zijn vanaf deze telefoon of computer veel berichten kort na elkaar gestuurd. Probeer het over een uur opnieuw.");
                }
                else
                {
                    due = await intake.SendLinkAsync(token, code, Send.Email!.Trim(), Youth, ConversationAt, ct);
                    if (due is null)
                    {
                        return RedirectToPage(new { voor = Youth ? For : null });
                    }
                    LinkSent = true;
                    Send.Email = null;
                }
            }
            catch (Exception e) when (DatabaseFaults.IsOutage(e))
            {
                lastKnown.Away();
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                ModelState.AddModelError("Send.Email", "We konden de mail nu niet versturen. Schrijf de link of code op, of probeer het over een paar minuten opnieuw.");
            }
        }
        Receipt = new Receipt(Guid.Empty, token, code, due ?? default, Repeated: false);
        ConversationLink = ConversationAt(token);
        ConversationPage = ConversationAt("");
        return Page();
    }

    /// <summary>The conversation page (with a token: the personal link), at the steunpunt's configured address; a
    /// youth link opens the youth form.</summary>
    private string ConversationAt(string token) =>
        address.Link(Url.Page("/Questions/Conversation/Conversation", new { token = token.Length == 0 ? null : token, voor = Youth ? For : null })!);

    /// <summary>The parents' form says "u", the youth form "je".</summary>
    private string T(string u, string je) => Youth ? je : u;

    private static string Number(int n) => n.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    private void Validate(string text, IReadOnlyList<string> gemeenten)
    {
        // As [Required] did: no second message when the value could not be read at all.
        if (Input.ContactWay is null && ModelState.GetValidationState("Input.ContactWay") != ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.ContactWay", T("Kies hoe u ons antwoord wilt krijgen.", "Kies hoe je ons antwoord wilt krijgen."));
        }
        if (Input.PhoneWindows.FirstOrDefault(w => !PhoneWindowChoices.Any(c => c.Value == w)) is { } closed)
        {
            ModelState.AddModelError("Input.PhoneWindows", CallWindows.All.FirstOrDefault(c => c.Value == closed) is { } window
                ? T($"Het steunpunt is {window.Part} gesloten. Kies een ander moment waarop wij u mogen bellen.",
                    $"Het steunpunt is {window.Part} gesloten. Kies een ander moment waarop wij je mogen bellen.")
                : "Kies een moment uit de lijst.");
        }
        if (Input.Name is { Length: > MaxNameLength })
        {
            ModelState.AddModelError("Input.Name", T($"Uw naam is te lang. Gebruik hoogstens {MaxNameLength} tekens.", $"Je naam is te lang. Gebruik hoogstens {MaxNameLength} tekens."));
        }
        if (text.Length == 0)
        {
            ModelState.AddModelError("Input.Text", T("Schrijf uw vraag in het vak. Een paar zinnen is genoeg.", "Schrijf je vraag in het vak. Een paar zinnen is genoeg."));
        }
        else if (text.Length > MaxLength)
        {
            ModelState.AddModelError("Input.Text", T(
                $"Uw vraag is te lang: hoogstens {Number(MaxLength)} tekens. Nu zijn het er {Number(text.Length)}. Maak hem korter. Uw tekst staat er nog.",
                $"Je vraag is te lang: hoogstens {Number(MaxLength)} tekens. Nu zijn het er {Number(text.Length)}. Maak hem korter. Je tekst staat er nog."));
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
                    ? T("Vul uw e-mailadres in, of kies een andere manier.", "Vul je e-mailadres in, of kies een andere manier.")
                    : "Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl.");
                break;
            case Questions.ContactWay.Phone when ContactDetails.NormalisePhone(Input.Phone) is null:
                ModelState.AddModelError("Input.Phone", string.IsNullOrWhiteSpace(Input.Phone)
                    ? T("Vul uw telefoonnummer in, of kies een andere manier.", "Vul je telefoonnummer in, of kies een andere manier.")
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
            ModelState.AddModelError("Input.HealthConsent", T(
                "U schrijft over gezondheid of een diagnose. Geef toestemming dat wij dit bewaren, of haal die informatie uit uw vraag en kies ‘Nee’.",
                "Je schrijft over gezondheid of een diagnose. Geef toestemming dat wij dit bewaren, of haal die informatie uit je vraag en kies ‘Nee’."));
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
        PhoneWindowChoices = await WindowsAsync(ct);
        ReplyWorkingDays = await lastKnown.GetAsync($"reply-days:{tenant.Id}", replyClock.PromisedWorkingDaysAsync, 3, ct);
        var today = WorkingDays.DutchDate(clock.GetUtcNow());
        DueIfSentNow = await lastKnown.GetAsync($"due:{tenant.Id}:{today}", c => replyClock.DueOnAsync(clock.GetUtcNow(), c),
            WorkingDays.DueOn(today, ReplyWorkingDays, []), ct);
    }

    private Task<IReadOnlyList<CallWindows.Window>> WindowsAsync(CancellationToken ct) =>
        CallWindows.OfferedAsync(lastKnown, openingTimes, tenant.Id, ct);

    private Task<IReadOnlyList<string>> GemeentenAsync(CancellationToken ct) =>
        lastKnown.GetAsync($"gemeenten:{tenant.Id}", c => GemeenteChoice.ServedAsync(db, c), [], ct);

    private void NoStore() => Response.Headers.CacheControl = "no-store";

    private static bool IsWellFormedKey(string? key) => SubmissionKeys.LooksValid(key);

}
