using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Privacy;
using Steunpunt.Questions;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Questions;

public sealed partial class StaffWorkTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Staff_set_up_two_step_sign_in_first_and_need_a_code_every_time_after(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var email = await app.CreateAccountAsync(tenant, "Sam", Policies.Staff);

        // Password only: the inbox sends them to set up two steps first.
        var halfway = app.CookieClient();
        var login = await halfway.GetStringAsync(tenant.Path("/account/inloggen"));
        var afterPassword = await halfway.PostAsync(tenant.Path("/account/inloggen"),
            SteunpuntApp.FormFrom(login, ("Input.Email", email), ("Input.Password", SteunpuntApp.Password)));
        Assert.Contains("/account/tweestaps-instellen", afterPassword.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var inbox = await halfway.GetAsync(tenant.Path("/postvak"));
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.Contains("/account/tweestaps-instellen", inbox.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var setup = await halfway.GetStringAsync(tenant.Path("/account/tweestaps-instellen"));
        var wrong = await halfway.PostAsync(tenant.Path("/account/tweestaps-instellen"), SteunpuntApp.FormFrom(setup, ("Code", "000000")));
        Assert.Contains("Deze code klopt niet", Html.Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", setup, StringComparison.Ordinal); // the QR code is drawn here, not fetched

        var first = await app.SignInAsStaffAsync(tenant, email);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync(tenant.Path("/postvak"))).StatusCode);

        // Next time: password, then a code from the app.
        var second = await app.SignInAsStaffAsync(tenant, email, first.Key);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync(tenant.Path("/postvak"))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_question_moves_through_the_inbox_from_new_to_answered_to_closed(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var asked = await app.AskQuestionAsync(tenant, "Mijn dochter mag niet mee op schoolreis. Mag dat?");
        var staff = await app.SignInAsStaffAsync(tenant);
        var client = staff.Client;

        Assert.Equal(1, await CountAsync(client, tenant, "nieuw"));
        var caseUrl = CaseLink().Match(await client.GetStringAsync(tenant.Path("/postvak?lijst=nieuw"))).Groups[1].Value;
        var casePage = await client.GetStringAsync(caseUrl);
        Assert.Contains("Mijn dochter mag niet mee op schoolreis", Html.Text(casePage), StringComparison.Ordinal);

        // Answer: the person reads it through the link; the case waits for their reaction and is now the replier's.
        var answer = await client.PostAsync(caseUrl + "?handler=Reply", SteunpuntApp.FormFrom(casePage, ("Reply", "Nee, school moet uw dochter laten meegaan.")));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(0, await CountAsync(client, tenant, "nieuw"));
        Assert.Equal(1, await CountAsync(client, tenant, "wacht"));
        Assert.Equal(1, await CountAsync(client, tenant, "mijn"));
        Assert.Contains("school moet uw dochter laten meegaan", Html.Text(await app.Anonymous().GetStringAsync(asked.LinkPath)), StringComparison.Ordinal);

        // An internal note never reaches the person.
        casePage = await client.GetStringAsync(caseUrl);
        await client.PostAsync(caseUrl + "?handler=Note", SteunpuntApp.FormFrom(casePage, ("Note", "Intern: school al eerder gebeld.")));
        Assert.Contains("Intern: school al eerder gebeld.", Html.Text(await client.GetStringAsync(caseUrl)), StringComparison.Ordinal);
        Assert.DoesNotContain("Intern", await app.Anonymous().GetStringAsync(asked.LinkPath), StringComparison.Ordinal);

        // The person reacts: back to "waiting for us", with a new deadline.
        var anon = app.Anonymous();
        var conversation = await anon.GetStringAsync(asked.LinkPath);
        await anon.PostAsync(asked.LinkPath + "?handler=Reply", SteunpuntApp.FormWithHidden(conversation, new Dictionary<string, string> { ["Reply"] = "Dank u!" }));
        Assert.Equal(0, await CountAsync(client, tenant, "wacht"));
        Assert.True(await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.AwaitingStaff).SingleAsync()));

        // Over tijd: the deadline has passed.
        await app.WithDbAsync(tenant.Id, async db =>
        {
            var c = await db.Cases.SingleAsync();
            c.ReplyDueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, await CountAsync(client, tenant, "overtijd"));

        // Fields, close, reopen.
        casePage = await client.GetStringAsync(caseUrl);
        FormUrlEncodedContent Fields(string gemeente) => SteunpuntApp.FormFrom(casePage,
            ("Fields.RequesterRole", "Ouder"), ("Fields.Channel", "Formulier"), ("Fields.Themes", "T07"), ("Fields.Themes", "T12"),
            ("Fields.Phase", "PO"), ("Fields.Gemeente", gemeente), ("Fields.Help", "Informatie"), ("Fields.Help", "Advies"),
            ("Fields.ReferredTo", "Onderwijsconsulent"), ("Fields.Knelpunten", "CommunicatieMetSchool"), ("Fields.MinutesSpent", "25"),
            ("Fields.Outcome", "Beantwoord"));
        // Only the steunpunt's own gemeenten (or "Andere gemeente") are stored: nothing typed reaches the board report.
        var typed = await client.PostAsync(caseUrl + "?handler=Fields", Fields("=HYPERLINK(\"http://evil.example\")"));
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Contains("Kies een gemeente uit de lijst", Html.Text(await typed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var fields = await client.PostAsync(caseUrl + "?handler=Fields", Fields($"Gemeente-{tenant.Slug}"));
        Assert.Equal(HttpStatusCode.Redirect, fields.StatusCode);
        var saved = await app.WithDbAsync(tenant.Id, db => db.Cases.SingleAsync());
        Assert.Equal("T07,T12", saved.ThemeCodes.ToString());
        Assert.Equal(HelpGiven.Informatie | HelpGiven.Advies, saved.HelpGiven);
        Assert.Equal(Knelpunten.CommunicatieMetSchool, saved.Knelpunten);
        Assert.Equal((25, Outcome.Beantwoord, "Onderwijsconsulent"), (saved.MinutesSpent, saved.Outcome, saved.ReferredTo));

        casePage = await client.GetStringAsync(caseUrl);
        await client.PostAsync(caseUrl + "?handler=Close", SteunpuntApp.FormFrom(casePage));
        Assert.Equal(1, await CountAsync(client, tenant, "afgerond"));
        casePage = await client.GetStringAsync(caseUrl);
        await client.PostAsync(caseUrl + "?handler=Reopen", SteunpuntApp.FormFrom(casePage));
        Assert.Equal(0, await CountAsync(client, tenant, "afgerond"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Staff_register_a_phone_call_with_several_themes_a_duration_and_a_call_back(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.OpeningHours.RemoveRange(await db.OpeningHours.ToListAsync());
            db.OpeningHours.Add(new OpeningHours { Day = DayOfWeek.Monday, Opens = new(9, 0), Closes = new(16, 0), Note = "telefonisch" });
            await db.SaveChangesAsync();
        });
        var staff = await app.SignInAsStaffAsync(tenant);
        var url = tenant.Path("/postvak/nieuw-contact");
        var form = await staff.Client.GetStringAsync(url);
        var key = KeyPattern().Match(form).Groups[1].Value;
        Assert.Equal(22, key.Length);
        (string, string)[] Fields(string minutes, string phone, string window) =>
        [
            ("Input.SubmissionKey", key), ("Input.Channel", "Telefoon"), ("Input.RequesterRole", "Ouder"),
            ("Input.Summary", "Vader belde over vervoer en het OPP."), ("Input.Themes", "T11"), ("Input.Themes", "T05"),
            ("Input.Minutes", minutes), ("Input.CallBack", "true"), ("Input.Name", "Jan"), ("Input.Phone", phone),
            ("Input.PhoneWindows", window),
        ];

        // Nothing typed is lost when a value is refused: a duration in words, no number, a closed moment.
        var refused = await staff.Client.PostAsync(url, SteunpuntApp.FormFrom(form, Fields("een kwartier", "", "avond")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        var text = Html.Text(again);
        Assert.Contains("Vul de duur in hele minuten in", text, StringComparison.Ordinal);
        Assert.Contains("Vul het nummer in waarop we terugbellen.", text, StringComparison.Ordinal);
        Assert.Contains("Het steunpunt is 's avonds gesloten.", text, StringComparison.Ordinal);
        Assert.Contains("Vader belde over vervoer en het OPP.", again, StringComparison.Ordinal);
        Assert.Contains("value=\"een kwartier\"", again, StringComparison.Ordinal);
        Assert.Matches("id=\"theme-T05\"[^>]*checked", again);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));
        // A window the steunpunt is open in is offered, the evening is not.
        Assert.Contains("'s middags (12.00–16.00 uur)", Html.Text(form), StringComparison.Ordinal);
        Assert.DoesNotContain("'s avonds", Html.Text(form), StringComparison.Ordinal);

        var created = await staff.Client.PostAsync(url, SteunpuntApp.FormFrom(form, Fields("20", "06-12345678", "middag")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        // The same form sent again (a double click) registers no second contact.
        var twice = await staff.Client.PostAsync(url, SteunpuntApp.FormFrom(form, Fields("20", "06-12345678", "middag")));
        Assert.Equal(created.Headers.Location, twice.Headers.Location);

        var contact = await app.WithDbAsync(tenant.Id, db => db.Cases.Include(c => c.Notes).SingleAsync());
        Assert.Equal((Channel.Telefoon, "T05,T11", 20, true), (contact.Channel, contact.ThemeCodes.ToString(), contact.MinutesSpent, contact.AwaitingStaff));
        Assert.Equal((ContactWay.Phone, "0612345678", "middag", "Jan"), (contact.ContactWay, contact.Phone, contact.PhoneWindows, contact.ContactName));
        Assert.Equal("Vader belde over vervoer en het OPP.", Assert.Single(contact.Notes).Text);
        Assert.NotNull(contact.ReplyDueOn);

        // The inbox says a call back is due; the case page offers the number and "Teruggebeld".
        var inbox = Html.Text(await staff.Client.GetStringAsync(tenant.Path("/postvak?lijst=mijn")));
        Assert.Contains("Telefoon, terugbellen", inbox, StringComparison.Ordinal);
        Assert.Contains("Vader belde over vervoer", inbox, StringComparison.Ordinal);
        var caseUrl = tenant.Path($"/postvak/zaak/{contact.Id}");
        var casePage = await staff.Client.GetStringAsync(caseUrl);
        Assert.Contains("href=\"tel:0612345678\"", casePage, StringComparison.Ordinal);
        var called = await staff.Client.PostAsync(caseUrl + "?handler=CalledBack", SteunpuntApp.FormFrom(casePage, ("CallNote", "Uitgelegd hoe het vervoer werkt.")));
        Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);
        var after = await app.WithDbAsync(tenant.Id, db => db.Cases.Include(c => c.Notes).SingleAsync());
        Assert.False(after.AwaitingStaff);
        Assert.True(after.AnsweredOnTime);
        Assert.Equal(2, after.Notes.Count);
        Assert.Contains(after.Notes, n => n.Text.Contains("Uitgelegd hoe het vervoer werkt.", StringComparison.Ordinal));
        Assert.Contains(CaseAction.Teruggebeld, await app.WithDbAsync(tenant.Id, db => db.CaseAudit.Where(a => a.CaseId == contact.Id).Select(a => a.Action).ToListAsync()));
        Assert.DoesNotContain("Teruggebeld</button>", await staff.Client.GetStringAsync(caseUrl), StringComparison.Ordinal);
        // A second click adds nothing, and a question sent through the form cannot be "called back" to look answered.
        await staff.Client.PostAsync(caseUrl + "?handler=CalledBack", SteunpuntApp.FormFrom(casePage, ("CallNote", "Nog eens.")));
        Assert.Equal(2, await app.WithDbAsync(tenant.Id, db => db.CaseNotes.CountAsync(n => n.CaseId == contact.Id)));
        await app.AskQuestionAsync(tenant, "Wie belt mij terug?");
        var asked = await app.WithDbAsync(tenant.Id, db => db.Cases.SingleAsync(c => c.Channel == Channel.Formulier));
        var formCase = await staff.Client.PostAsync(tenant.Path($"/postvak/zaak/{asked.Id}?handler=CalledBack"), SteunpuntApp.FormFrom(casePage));
        Assert.Equal(HttpStatusCode.Redirect, formCase.StatusCode);
        var still = await app.WithDbAsync(tenant.Id, db => db.Cases.SingleAsync(c => c.Id == asked.Id));
        Assert.Equal((true, (bool?)null), (still.AwaitingStaff, still.AnsweredOnTime));
    }

    [GeneratedRegex("name=\"Input.SubmissionKey\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"Input.SubmissionKey\"")]
    private static partial Regex KeyPattern();

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_read_and_change_is_in_the_audit_log_the_coordinator_views(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.AskQuestionAsync(tenant, "Wie leest mijn vraag?");
        var staff = await app.SignInAsStaffAsync(tenant);
        var caseId = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Id).SingleAsync());
        var caseUrl = tenant.Path($"/postvak/zaak/{caseId}");

        var page = await staff.Client.GetStringAsync(caseUrl);
        await staff.Client.PostAsync(caseUrl + "?handler=Reply", SteunpuntApp.FormFrom(page, ("Reply", "Alleen wij.")));
        await staff.Client.PostAsync(caseUrl + "?handler=Close", SteunpuntApp.FormFrom(page));

        var entries = await app.WithDbAsync(tenant.Id, db => db.CaseAudit.Where(a => a.CaseId == caseId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([CaseAction.Aangemaakt, CaseAction.Gelezen, CaseAction.Beantwoord, CaseAction.Afgerond], entries.Select(e => e.Action));
        Every.Item(entries.Skip(1), e => Assert.StartsWith("Medewerker", e.UserName, StringComparison.Ordinal));
        Assert.Equal("vraagsteller", entries[0].UserName);

        // A staff member who is not the coordinator does not see the log; the coordinator does.
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Client.GetAsync(tenant.Path("/postvak/logboek"))).StatusCode);
        var coordinator = await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator]);
        var log = Html.Text(await coordinator.Client.GetStringAsync(tenant.Path($"/postvak/logboek?zaak={caseId}")));
        Assert.Contains("Beantwoord", log, StringComparison.Ordinal);
        Assert.Contains(entries[1].UserName, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Wie leest mijn vraag", log, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_person_who_chose_email_gets_a_mail_without_the_question_or_the_answer(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var address = $"ouder-{Guid.NewGuid():N}@voorbeeld.nl";
        var asked = await app.AskQuestionAsync(tenant, "Geheime vraag over de TLV van mijn zoon.", new Dictionary<string, string>
        {
            ["Input.ContactWay"] = "Email",
            ["Input.Email"] = address,
        });

        var received = await Mailbox.WaitForAsync(app.MailFolder, address);
        Assert.Contains(asked.LinkPath, received.TextBody, StringComparison.Ordinal);
        Assert.Contains(asked.Code, received.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime vraag", received.TextBody, StringComparison.Ordinal);

        var staff = await app.SignInAsStaffAsync(tenant);
        var caseId = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Id).SingleAsync());
        var page = await staff.Client.GetStringAsync(tenant.Path($"/postvak/zaak/{caseId}"));
        await staff.Client.PostAsync(tenant.Path($"/postvak/zaak/{caseId}?handler=Reply"), SteunpuntApp.FormFrom(page, ("Reply", "Ons geheime antwoord.")));

        // A parent asked: the mail says "u".
        var notice = await WaitForSubjectAsync(app.MailFolder, address, "Er staat een nieuw bericht voor u klaar");
        Assert.DoesNotContain("geheime", notice.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(tenant.Path("/gesprek"), notice.TextBody, StringComparison.Ordinal);
        // Sent mail keeps no body in the outbox.
        await WaitUntilAsync(async () => await app.WithDbAsync(null, db => db.Set<Steunpunt.Web.Mail.OutgoingMail>().CountAsync(m => m.SentAt == null)) == 0);
        var sent = await app.WithDbAsync(null, db => db.Set<Steunpunt.Web.Mail.OutgoingMail>().Select(m => new { m.Body, m.To }).ToListAsync());
        Every.Item(sent, m => Assert.Equal(("", ""), (m.Body, m.To)));
    }

    private static async Task<MimeKit.MimeMessage> WaitForSubjectAsync(string folder, string to, string subject)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await Mailbox.AllAsync(folder)).FirstOrDefault(m => m.Subject == subject && m.To.Mailboxes.Any(b => b.Address == to)) is { } found)
            {
                return found;
            }
            await Task.Delay(150);
        }
        throw new TimeoutException($"No mail '{subject}' to {to}.");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(await condition());
    }

    private static async Task<int> CountAsync(HttpClient client, TestTenant tenant, string list)
    {
        var html = await client.GetStringAsync(tenant.Path($"/postvak?lijst={list}"));
        return Regex.Count(Html.MainOf(html), "href=\"[^\"]*/postvak/zaak/");
    }

    [GeneratedRegex("href=\"([^\"]*/postvak/zaak/[0-9a-f-]+)\"")]
    private static partial Regex CaseLink();
}
