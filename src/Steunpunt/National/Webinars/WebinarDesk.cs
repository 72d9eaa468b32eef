using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Web;
using Steunpunt.Web.Mail;

namespace Steunpunt.National.Webinars;

public sealed class WebinarOptions
{
    /// <summary>How many days after a webinar its registrations (names, e-mail addresses) are deleted.</summary>
    public int KeepRegistrationsDays { get; set; } = 30;
}

/// <summary>
/// Registering for a webinar: one registration per e-mail address, up to the maximum, with a confirmation that carries
/// an iCalendar invitation; the question sent in advance is kept apart from the person. A reminder goes out the day
/// before (<see cref="WebinarReminders"/>).
/// </summary>
public sealed class WebinarDesk(SteunpuntDb db, TimeProvider clock, PublicAddress address, MailSender mail, IOptions<MailOptions> mailOptions,
    IOptions<WebinarOptions> options)
{
    public enum Result { Registered, AlreadyRegistered, Full, Closed }

    public const string Sender = "Expertgroep passend onderwijs";

    public static string EmailHash(string email) => Privacy.Fingerprint.Of("webinar-registration", email.Trim().ToLowerInvariant());

    /// <summary>Registers someone. Whether the address was already registered is not told (that would say who
    /// registered): it gets the confirmation again instead.</summary>
    public async Task<Result> RegisterAsync(Webinar webinar, string name, string email, string organisation, string? question, string? themeCode, string pagePath, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (webinar.Cancelled || webinar.StartsAt <= now)
        {
            return Result.Closed;
        }
        var hash = EmailHash(email);
        if (await db.Set<WebinarRegistration>().AsNoTracking().SingleOrDefaultAsync(r => r.WebinarId == webinar.Id && r.EmailHash == hash, ct) is { } known)
        {
            db.QueueMail(null, Sender, email, $"Aangemeld: {webinar.Title}", Confirmation(webinar, known.Name, pagePath), now, Invitation(webinar, now));
            await db.SaveChangesAsync(ct);
            mail.Wake();
            return Result.AlreadyRegistered;
        }
        // Claim a place first: the update only hits while there is one left.
        if (await db.Set<Webinar>().Where(w => w.Id == webinar.Id && !w.Cancelled && w.Taken < w.MaxParticipants)
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.Taken, w => w.Taken + 1), ct) == 0)
        {
            return Result.Full;
        }
        db.Add(new WebinarRegistration { WebinarId = webinar.Id, Name = name, Email = email, EmailHash = hash, Organisation = organisation, RegisteredAt = now });
        if (!string.IsNullOrEmpty(question))
        {
            db.Add(new WebinarQuestion { WebinarId = webinar.Id, ThemeCode = themeCode, Text = question, SentAt = now });
        }
        db.QueueMail(null, Sender, email, $"Aangemeld: {webinar.Title}", Confirmation(webinar, name, pagePath), now, Invitation(webinar, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException || DatabaseFaults.IsOutage(e))
        {
            // Not stored (the same address sent twice at once meets the unique index, or the database went away):
            // the place goes back.
            db.ChangeTracker.Clear();
            await db.Set<Webinar>().Where(w => w.Id == webinar.Id && w.Taken > 0).ExecuteUpdateAsync(u => u.SetProperty(w => w.Taken, w => w.Taken - 1), CancellationToken.None);
            if (e is DbUpdateException && await db.Set<WebinarRegistration>().AsNoTracking().AnyAsync(r => r.WebinarId == webinar.Id && r.EmailHash == hash, ct))
            {
                return Result.AlreadyRegistered;
            }
            throw;
        }
        mail.Wake();
        return Result.Registered;
    }

    private string Confirmation(Webinar webinar, string name, string pagePath) => $"""
        Beste {name},

        U bent aangemeld voor het webinar "{webinar.Title}" van de expertgroep passend onderwijs.

        Wanneer: {Dutch.Moment(webinar.StartsAt)} (Nederlandse tijd), {webinar.Minutes} minuten
        Waar: online, via deze link: {webinar.RoomUrl}

        In de bijlage zit een uitnodiging voor uw agenda.{(webinar.StartsAt - clock.GetUtcNow() > TimeSpan.FromHours(24) ? " De dag ervoor krijgt u een herinnering." : "")}
        Meer over het webinar: {address.Link(pagePath)}

        Uw naam en e-mailadres bewaren we tot {KeepDays} dagen na het webinar. Daarna wissen we ze.
        """;

    private int KeepDays => options.Value.KeepRegistrationsDays;

    public string Reminder(Webinar webinar, string name, string pagePath) => $"""
        Beste {name},

        Morgen is het webinar "{webinar.Title}" van de expertgroep passend onderwijs.

        Wanneer: {Dutch.Moment(webinar.StartsAt)} (Nederlandse tijd)
        Waar: online, via deze link: {webinar.RoomUrl}

        Meer over het webinar: {address.Link(pagePath)}
        """;

    /// <summary>After the time or the room changed, or the webinar was cancelled: queues for every registration a mail
    /// with the new invitation (a higher SEQUENCE), which replaces the old one in calendars. Written with the caller's
    /// save of the change itself, so a change is never stored without its mails. A moved webinar gets its reminders
    /// again; a cancelled one forgets who registered (the mails carry their own copy of the address until sent).</summary>
    public async Task<int> TellChangeAsync(Webinar webinar, string pagePath, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var registrations = await db.Set<WebinarRegistration>().AsNoTracking().Where(r => r.WebinarId == webinar.Id).ToListAsync(ct);
        foreach (var r in registrations)
        {
            var body = webinar.Cancelled
                ? $"""
                  Beste {r.Name},

                  Het webinar "{webinar.Title}" op {Dutch.Moment(webinar.StartsAt)} gaat helaas niet door.
                  De afspraak in uw agenda vervalt met de bijlage bij deze mail.

                  Andere webinars: {address.Link("/webinars")}
                  """
                : $"""
                  Beste {r.Name},

                  Het webinar "{webinar.Title}" is veranderd.

                  Wanneer: {Dutch.Moment(webinar.StartsAt)} (Nederlandse tijd), {webinar.Minutes} minuten
                  Waar: online, via deze link: {webinar.RoomUrl}

                  De bijlage zet de nieuwe tijd in uw agenda. Meer over het webinar: {address.Link(pagePath)}
                  """;
            db.QueueMail(null, Sender, r.Email, webinar.Cancelled ? $"Gaat niet door: {webinar.Title}" : $"Gewijzigd: {webinar.Title}", body, now, Invitation(webinar, now));
            if (webinar.Cancelled)
            {
                db.Remove(r);
            }
            else
            {
                db.Attach(r).Entity.ReminderQueuedAt = null;
            }
        }
        return registrations.Count;
    }

    /// <summary>The iCalendar invitation (RFC 5545, METHOD:REQUEST) for a webinar: its own UID, so a later one with a
    /// higher SEQUENCE replaces it in the calendar.</summary>
    public string Invitation(Webinar webinar, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { Method = webinar.Cancelled ? "CANCEL" : "REQUEST" };
        calendar.AddProperty("X-WR-CALNAME", "Webinar expertgroep");
        var e = new CalendarEvent
        {
            Uid = $"webinar-{webinar.Id:N}@steunpunt",
            Summary = webinar.Title,
            Description = $"{webinar.Description}\n\nDeelnemen: {webinar.RoomUrl}",
            Location = webinar.RoomUrl,
            DtStart = new CalDateTime(webinar.StartsAt.UtcDateTime, "UTC"),
            DtEnd = new CalDateTime(webinar.EndsAt.UtcDateTime, "UTC"),
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            Sequence = webinar.Sequence,
            Status = webinar.Cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{mailOptions.Value.FromAddress}") { CommonName = Sender },
        };
        if (Uri.TryCreate(webinar.RoomUrl, UriKind.Absolute, out var room))
        {
            e.Url = room;
        }
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}

/// <summary>Queues the reminder the day before, once per registration.</summary>
public sealed class WebinarReminders(IServiceScopeFactory scopes, Readiness readiness, TimeProvider clock, ILogger<WebinarReminders> log)
    : PeriodicJob(scopes, readiness, clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        SendAsync(services, now, ct);

    public static async Task<int> SendAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<SteunpuntDb>();
        var desk = services.GetRequiredService<WebinarDesk>();
        var until = now.AddHours(24);
        var webinars = await db.Set<Webinar>().AsNoTracking().Where(w => !w.Cancelled && w.StartsAt > now && w.StartsAt <= until).ToListAsync(ct);
        var done = 0;
        foreach (var webinar in webinars)
        {
            // Who registered in the last day before the start just had the confirmation: no reminder on top of it.
            var dayBefore = webinar.StartsAt.AddHours(-24);
            var due = await db.Set<WebinarRegistration>().Where(r => r.WebinarId == webinar.Id && r.ReminderQueuedAt == null && r.RegisteredAt < dayBefore).ToListAsync(ct);
            var path = "/webinars/" + webinar.Id;
            foreach (var registration in due)
            {
                db.QueueMail(null, WebinarDesk.Sender, registration.Email, $"Morgen: {webinar.Title}", desk.Reminder(webinar, registration.Name, path), now);
                registration.ReminderQueuedAt = now;
                done++;
            }
            await db.SaveChangesAsync(ct);
        }
        if (done > 0)
        {
            services.GetRequiredService<MailSender>().Wake();
        }
        return done;
    }
}
