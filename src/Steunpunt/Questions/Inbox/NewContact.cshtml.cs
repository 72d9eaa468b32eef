using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Questions.Inbox;

/// <summary>
/// Staff register a phone call, e-mail, walk-in or spreekuur contact as a case, so every contact counts: who, what
/// about (one or more themes), how long it took, and, when they promised to call back, the number and the moments
/// within the steunpunt's opening hours. The form keeps what was typed when a value is refused or the database is
/// away, and the same form sent twice registers one contact.
/// </summary>
public sealed class NewContactModel(CaseWork work, SteunpuntDb db, TimeProvider clock, ThemeNames themeNames,
    CurrentTenant tenant, LastKnown lastKnown, OpeningTimes openingTimes, ReplyClock replyClock) : PageModel
{
    public const int MaxMinutes = 600;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<string> Gemeenten { get; private set; } = [];
    public IReadOnlyList<CallWindows.Window> WindowChoices { get; private set; } = CallWindows.All;

    public static readonly Channel[] Channels = [Channel.Telefoon, Channel.Email, Channel.Inloop, Channel.Spreekuur];

    public sealed class InputModel
    {
        public Channel Channel { get; set; } = Channel.Telefoon;
        public RequesterRole RequesterRole { get; set; }
        public string? Summary { get; set; }
        public List<string> Themes { get; set; } = [];
        public SchoolPhases Phase { get; set; }
        public string? Gemeente { get; set; }
        /// <summary>Minutes, as typed: read in <see cref="Validate"/> so "een kwartier" gets a plain message.</summary>
        public string? Minutes { get; set; }
        public bool FollowUp { get; set; }

        public bool CallBack { get; set; }
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public List<string> PhoneWindows { get; set; } = [];
        public bool CallWithHiddenNumber { get; set; }
        public bool NoVoicemail { get; set; }

        public string? SubmissionKey { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.SubmissionKey = SubmissionKeys.New();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        var summary = FormGuard.Clean(Input.Summary);
        var minutes = Validate(summary);
        if (!SubmissionKeys.LooksValid(Input.SubmissionKey))
        {
            Input.SubmissionKey = SubmissionKeys.New();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var phone = ContactDetails.NormalisePhone(Input.Phone) ?? "";
        var name = FormGuard.Clean(Input.Name);
        var themes = ThemeSet.Of(Input.Themes);
        var windows = string.Join(',', CallWindows.All.Select(w => w.Value).Where(Input.PhoneWindows.Contains));
        var followUp = Input.FollowUp || Input.CallBack;
        var submission = SubmissionKeys.Hash(SubmissionKeys.Submission("contact", tenant.Id, Input.SubmissionKey!,
            Input.Channel.ToString(), Input.RequesterRole.ToString(), summary, themes.ToString(), Input.Phase.ToString(),
            Input.Gemeente ?? "", minutes.ToString(Dutch.Culture), followUp.ToString(), name, phone, windows,
            Input.CallWithHiddenNumber.ToString(), Input.NoVoicemail.ToString()));
        try
        {
            if (await KnownAsync(submission, ct) is { } known)
            {
                return RedirectToPage("/Questions/Inbox/Case", new { id = known });
            }
            var now = clock.GetUtcNow();
            var contact = new SupportCase
            {
                ReceivedAt = now,
                Channel = Input.Channel,
                RequesterRole = Input.RequesterRole,
                ThemeCodes = themes,
                Phase = Input.Phase,
                Gemeente = Input.Gemeente ?? "",
                MinutesSpent = minutes,
                ContactWay = phone.Length > 0 ? ContactWay.Phone : ContactWay.LinkOnly,
                ContactName = name,
                Phone = phone,
                PhoneWindows = phone.Length > 0 ? windows : "",
                CallWithHiddenNumber = phone.Length > 0 && Input.CallWithHiddenNumber,
                NoVoicemail = phone.Length > 0 && Input.NoVoicemail,
                AwaitingStaff = followUp,
                SubmissionHash = submission,
            };
            if (followUp)
            {
                contact.ReplyDueOn = contact.FirstDueOn = await replyClock.DueOnAsync(now, ct);
            }
            Guid id;
            try
            {
                id = await work.RegisterAsync(contact, summary, CaseWork.Staff.From(User), ct);
            }
            catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
            {
                // The same form sent twice at once: the other request stored it.
                id = await KnownAsync(submission, ct) ?? throw new InvalidOperationException("A contact could not be stored.", e);
            }
            return RedirectToPage("/Questions/Inbox/Case", new { id });
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(string.Empty, "Het contact is nog niet opgeslagen: de opslag reageert even niet. Alles wat u typte staat nog in het formulier. Probeer het over een paar minuten opnieuw.");
            return Page();
        }
    }

    private Task<Guid?> KnownAsync(string submission, CancellationToken ct) =>
        db.Cases.AsNoTracking().Where(c => c.SubmissionHash == submission).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    private int Validate(string summary)
    {
        if (summary.Length == 0)
        {
            ModelState.AddModelError("Input.Summary", "Schrijf kort op waar het contact over ging.");
        }
        // With the database away and nothing read before, the lists are empty: the choices are kept, not refused.
        var listsKnown = !lastKnown.DatabaseAway || Themes.Count > 0;
        if (listsKnown && !GemeenteChoice.IsAllowed(Input.Gemeente, Gemeenten))
        {
            ModelState.AddModelError("Input.Gemeente", GemeenteChoice.Refusal);
        }
        if (!Channels.Contains(Input.Channel))
        {
            ModelState.AddModelError("Input.Channel", "Kies hoe het contact binnenkwam.");
        }
        if (listsKnown && Input.Themes.Any(code => !Themes.Any(t => t.Code == code)))
        {
            ModelState.AddModelError("Input.Themes", "Kies de thema's uit de lijst.");
        }
        var minutes = 0;
        var typed = (Input.Minutes ?? "").Trim();
        if (typed.Length > 0 && (!int.TryParse(typed, System.Globalization.NumberStyles.None, Dutch.Culture, out minutes) || minutes > MaxMinutes))
        {
            ModelState.AddModelError("Input.Minutes", $"Vul de duur in hele minuten in, bijvoorbeeld 15. Hoogstens {MaxMinutes}.");
        }
        if (Input.Name is { Length: > Ask.AskModel.MaxNameLength })
        {
            ModelState.AddModelError("Input.Name", $"De naam is te lang. Gebruik hoogstens {Ask.AskModel.MaxNameLength} tekens.");
        }
        var phoneTyped = !string.IsNullOrWhiteSpace(Input.Phone);
        if (phoneTyped && ContactDetails.NormalisePhone(Input.Phone) is null)
        {
            ModelState.AddModelError("Input.Phone", "Dit telefoonnummer klopt niet. Gebruik alleen cijfers, spaties, streepjes en eventueel een + aan het begin.");
        }
        else if (Input.CallBack && !phoneTyped)
        {
            ModelState.AddModelError("Input.Phone", "Vul het nummer in waarop we terugbellen.");
        }
        if (Input.PhoneWindows.FirstOrDefault(w => !WindowChoices.Any(c => c.Value == w)) is { } closed)
        {
            ModelState.AddModelError("Input.PhoneWindows", CallWindows.All.FirstOrDefault(c => c.Value == closed) is { } window
                ? $"Het steunpunt is {window.Part} gesloten. Kies een ander moment om terug te bellen."
                : "Kies een moment uit de lijst.");
        }
        return minutes;
    }

    // What the form offers; the last values read serve when the database is away, so the form comes back whole.
    private async Task LoadAsync(CancellationToken ct)
    {
        Themes = await lastKnown.GetAsync("themes", async c => await themeNames.AllAsync(c), [], ct);
        Gemeenten = await lastKnown.GetAsync($"gemeenten:{tenant.Id}", c => GemeenteChoice.ServedAsync(db, c), [], ct);
        WindowChoices = await CallWindows.OfferedAsync(lastKnown, openingTimes, tenant.Id, ct);
    }
}
