using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.National.Webinars;

namespace Steunpunt.National.Experts;

/// <summary>
/// Plans a webinar or changes it (registrations then get the new invitation), cancels it, and afterwards adds the
/// recording, the slides and the answered questions. Shows who registered and the questions sent in advance, grouped by
/// the theme their senders chose.
/// </summary>
public sealed class WebinarEditModel(SteunpuntDb db, WebinarDesk desk, TimeProvider clock, Web.Mail.MailSender mail) : PageModel
{
    public Webinar? Existing { get; private set; }
    /// <summary>Who registered, as the experts see them: name and organisation (never the e-mail address).</summary>
    public sealed record Registrant(string Name, string Organisation);

    public IReadOnlyList<Registrant> Registrations { get; private set; } = [];
    public IReadOnlyList<(string Group, IReadOnlyList<WebinarQuestion> Questions)> QuestionGroups { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Pillar { get; set; }
    [BindProperty] public string? Day { get; set; }
    [BindProperty] public string? Time { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? RoomUrl { get; set; }
    [BindProperty] public string? MaxParticipants { get; set; }
    [BindProperty] public string? RecordingUrl { get; set; }
    [BindProperty] public string? SlidesUrl { get; set; }
    [BindProperty] public string? Answers { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Existing is { } w)
        {
            var local = TimeZoneInfo.ConvertTime(w.StartsAt, Dutch.TimeZone);
            (Title, Pillar, Day, Time, Minutes, Description, RoomUrl, MaxParticipants, RecordingUrl, SlidesUrl, Answers) =
                (w.Title, w.Pillar.ToString(), local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture),
                 w.Minutes.ToString(CultureInfo.InvariantCulture), w.Description, w.RoomUrl, w.MaxParticipants.ToString(CultureInfo.InvariantCulture),
                 w.RecordingUrl, w.SlidesUrl, w.Answers);
        }
        Message = Request.Query["klaar"].ToString() switch
        {
            "opgeslagen" => "Het webinar is opgeslagen.",
            "gewijzigd" => "Het webinar is opgeslagen. Wie zich aanmeldde, krijgt een mail met de nieuwe uitnodiging.",
            "afgezegd" => "Het webinar gaat niet door. Wie zich aanmeldde, krijgt daarover een mail.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var title = Web.FormGuard.Clean(Title);
        var description = Web.FormGuard.Clean(Description);
        var answers = Web.FormGuard.Clean(Answers);
        var pillar = Pillars.Parse(Pillar);
        Required(nameof(Title), title, 200, "Geef het webinar een titel.");
        Required(nameof(Description), description, 4000, "Schrijf kort waar het webinar over gaat.");
        if (pillar is null)
        {
            ModelState.AddModelError(nameof(Pillar), "Kies de pijler.");
        }
        DateTimeOffset? startsAt = null;
        if (!DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            ModelState.AddModelError(nameof(Day), "Vul de datum in, bijvoorbeeld 2027-03-15.");
        }
        else if (!TimeOnly.TryParseExact(Time, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            ModelState.AddModelError(nameof(Time), "Vul de begintijd in, bijvoorbeeld 15:30.");
        }
        else
        {
            var local = day.ToDateTime(time);
            startsAt = new DateTimeOffset(local, Dutch.TimeZone.GetUtcOffset(local)).ToUniversalTime();
        }
        var minutes = Number(nameof(Minutes), Minutes, 15, 480, "Vul de duur in minuten in: tussen 15 en 480.");
        var max = Number(nameof(MaxParticipants), MaxParticipants, 1, 10000, "Vul het grootste aantal deelnemers in: tussen 1 en 10000.");
        var room = Link(nameof(RoomUrl), RoomUrl, required: true);
        var recording = Link(nameof(RecordingUrl), RecordingUrl, required: false);
        var slides = Link(nameof(SlidesUrl), SlidesUrl, required: false);
        if (answers.Length > 12000)
        {
            ModelState.AddModelError(nameof(Answers), "De vragen en antwoorden zijn te lang: hoogstens 12000 tekens.");
        }
        if (Existing is null && startsAt is { } s && s <= clock.GetUtcNow())
        {
            ModelState.AddModelError(nameof(Day), "Dit moment is al voorbij. Kies een datum in de toekomst.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var webinar = Existing is null ? new Webinar { PlannedBy = ExpertDesk.Person.Of(User).Name } : await db.Set<Webinar>().SingleAsync(w => w.Id == Existing.Id, ct);
        var changed = Existing is not null && (webinar.StartsAt != startsAt || webinar.Minutes != minutes || webinar.RoomUrl != room);
        (webinar.Title, webinar.Pillar, webinar.StartsAt, webinar.Minutes, webinar.Description, webinar.RoomUrl, webinar.MaxParticipants) =
            (Web.FormGuard.Line(title), pillar!.Value, startsAt!.Value, minutes, description, room!, max);
        (webinar.RecordingUrl, webinar.SlidesUrl, webinar.Answers) = (recording, slides, answers.Length == 0 ? null : answers);
        if (changed)
        {
            webinar.Sequence++;
        }
        if (Existing is null)
        {
            db.Add(webinar);
        }
        var told = changed ? await desk.TellChangeAsync(webinar, Url.Page("/National/Webinars/Detail", new { id = webinar.Id })!, ct) : 0;
        await db.SaveChangesAsync(ct);
        mail.Wake();
        return RedirectToPage(null, null, new { id = webinar.Id, klaar = told > 0 ? "gewijzigd" : "opgeslagen" }, null);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid? id, CancellationToken ct)
    {
        if (id is null || await db.Set<Webinar>().SingleOrDefaultAsync(w => w.Id == id, ct) is not { } webinar)
        {
            return NotFound();
        }
        if (!webinar.Cancelled)
        {
            webinar.Cancelled = true;
            webinar.Sequence++;
            await desk.TellChangeAsync(webinar, Url.Page("/National/Webinars/Detail", new { id })!, ct);
            await db.SaveChangesAsync(ct);
            mail.Wake();
        }
        return RedirectToPage(null, null, new { id, klaar = "afgezegd" }, null);
    }

    private void Required(string field, string value, int max, string empty)
    {
        if (value.Length == 0)
        {
            ModelState.AddModelError(field, empty);
        }
        else if (value.Length > max)
        {
            ModelState.AddModelError(field, $"Dit is te lang: hoogstens {max} tekens.");
        }
    }

    private int Number(string field, string? value, int min, int max, string message)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        ModelState.AddModelError(field, message);
        return 0;
    }

    /// <summary>A web address that starts with https:// (or http://), nothing else: it becomes a link.</summary>
    private string? Link(string field, string? value, bool required)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                ModelState.AddModelError(field, "Vul de link naar de online vergaderruimte in.");
            }
            return null;
        }
        if (text.Length <= 500 && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            return uri.ToString();
        }
        ModelState.AddModelError(field, "Dit is geen goede link. Een link begint met https://");
        return null;
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } webinarId)
        {
            return true;
        }
        Existing = await db.Set<Webinar>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == webinarId, ct);
        if (Existing is null)
        {
            return false;
        }
        Registrations = [.. (await db.Set<WebinarRegistration>().AsNoTracking().Where(r => r.WebinarId == webinarId).OrderBy(r => r.RegisteredAt).ToListAsync(ct))
            .Select(r => new Registrant(r.Name, r.Organisation))];
        var questions = await db.Set<WebinarQuestion>().AsNoTracking().Where(q => q.WebinarId == webinarId).OrderBy(q => q.SentAt).ToListAsync(ct);
        var themes = await db.Set<Theme>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        QuestionGroups = [.. questions.GroupBy(q => q.ThemeCode is { } c && themes.TryGetValue(c, out var n) ? n : "Iets anders")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<WebinarQuestion>)[.. g]))];
        return true;
    }
}
