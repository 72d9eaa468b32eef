using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Steunpunt.Accounts;
using Steunpunt.National.Experts;
using Steunpunt.National.Practice;
using Steunpunt.National.Webinars;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.National;

/// <summary>The expert group's questions and knowledge base, webinars and practice examples (issue 13).</summary>
public sealed partial class ExpertiseNetworkTests(Apps apps) : IClassFixture<Apps>
{
    private const string Answer = "Begin met vier ouders en spreek af dat jullie vier keer per jaar samen lezen.";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_steunpunt_asks_the_expert_group_an_expert_answers_and_writes_a_knowledge_base_item(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var staff = await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator]);
        var form = await staff.Client.GetStringAsync(tenant.Path("/postvak/expertgroep"));

        // Personal details are refused, and what was typed stays.
        foreach (var (text, what) in new[]
        {
            ("Mail de moeder op ouder.jansen@example.nl over haar zoon.", "Er staat een e-mailadres in de tekst."),
            ("Bel de vader op 06-12345678 terug.", "Er staat een telefoonnummer in de tekst."),
            ("Het gaat om leerling 111222333 in groep 7.", "Er staat iets dat lijkt op een burgerservicenummer (BSN) in de tekst."),
        })
        {
            var refused = await staff.Client.PostAsync(tenant.Path("/postvak/expertgroep"), SteunpuntApp.FormFrom(form,
                ("Title", "Klankbordgroep"), ("Pillar", "Informeren"), ("Text", text)));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains(what, Html.Text(html), StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(text), html, StringComparison.Ordinal);
        }
        // Nine digits that fail the eleven test are not a BSN.
        Assert.False(Steunpunt.Privacy.PersonalDetails.IsBsnLike("123456789"));
        Assert.True(Steunpunt.Privacy.PersonalDetails.IsBsnLike("111222333"));

        var question = "Hoe richten wij een klankbordgroep van ouders in, en hoe houden we die actief?";
        var asked = await staff.Client.PostAsync(tenant.Path("/postvak/expertgroep"), SteunpuntApp.FormFrom(form,
            ("Title", "Klankbordgroep opzetten"), ("Pillar", "Informeren"), ("Text", question), ("MayName", "true")));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var threadPath = asked.Headers.Location!.OriginalString.Split('?')[0];
        var id = await app.WithDbAsync(null, db => db.Set<ExpertQuestion>().Where(q => q.SteunpuntId == tenant.Id).Select(q => q.Id).SingleAsync());

        // Another steunpunt's team does not see it.
        var stranger = await app.SignInAsStaffAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(other.Path($"/postvak/expertgroep/{id}"))).StatusCode);
        Assert.DoesNotContain("Klankbordgroep opzetten", Html.Text(await stranger.Client.GetStringAsync(other.Path("/postvak/expertgroep"))), StringComparison.Ordinal);

        // The expert finds it in the shared queue, takes it and answers.
        var expert = await app.SignInAsync(await app.CreateAccountAsync(null, "Eva Expert", Policies.Expert), null);
        var queue = Html.Text(await expert.GetStringAsync("/expertgroep"));
        Assert.Contains("Klankbordgroep opzetten", queue, StringComparison.Ordinal);
        Assert.Contains(tenant.Name, queue, StringComparison.Ordinal);
        var thread = await expert.GetStringAsync($"/expertgroep/vraag/{id}");
        Assert.Contains(question, Html.Text(thread), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.PostAsync($"/expertgroep/vraag/{id}?handler=Take", SteunpuntApp.FormFrom(thread))).StatusCode);
        Assert.Contains("Klankbordgroep opzetten", Html.Text(await expert.GetStringAsync("/expertgroep?lijst=mijn")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.PostAsync($"/expertgroep/vraag/{id}?handler=Answer", SteunpuntApp.FormFrom(thread, ("Text", Answer)))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.PostAsync($"/expertgroep/vraag/{id}?handler=Wider", SteunpuntApp.FormFrom(thread, ("Wider", "true")))).StatusCode);
        Assert.Contains("Klankbordgroep opzetten", Html.Text(await expert.GetStringAsync("/expertgroep?lijst=breder")), StringComparison.Ordinal);

        // The asker is told by mail, without the content, and reads the answer in the postvak.
        var mail = await Mailbox.WaitForAsync(app.MailFolder, staff.Email);
        Assert.DoesNotContain("vier ouders", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("klankbordgroep", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(threadPath, LinkPattern().Match(mail.TextBody ?? "").Value, StringComparison.Ordinal);
        Assert.Contains(Answer, Html.Text(await staff.Client.GetStringAsync(threadPath)), StringComparison.Ordinal);

        // The knowledge-base item: the asker's name is refused; the steunpunt is named because the asker agreed.
        var editor = await expert.GetStringAsync($"/expertgroep/kennisbank/schrijven?vraag={id}");
        var staffName = await app.WithDbAsync(null, db => db.Set<ExpertQuestion>().Where(q => q.Id == id).Select(q => q.AskedByName).SingleAsync());
        var withName = await expert.PostAsync($"/expertgroep/kennisbank/schrijven?vraag={id}", SteunpuntApp.FormFrom(editor,
            ("Title", "Een klankbordgroep van ouders opzetten"), ("QuestionText", $"{staffName} vroeg hoe je ouders vindt."), ("Answer", Answer),
            ("Pillar", "Informeren"), ("Credit", "true")));
        Assert.Equal(HttpStatusCode.BadRequest, withName.StatusCode);
        var published = await expert.PostAsync($"/expertgroep/kennisbank/schrijven?vraag={id}", SteunpuntApp.FormFrom(editor,
            ("Title", "Een klankbordgroep van ouders opzetten"), ("QuestionText", "Hoe vind je ouders voor een klankbordgroep, en hoe blijft die actief?"),
            ("Answer", Answer), ("Pillar", "Informeren"), ("Credit", "true")));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var itemPage = Html.Text(await app.Anonymous().GetStringAsync(published.Headers.Location!.OriginalString));
        Assert.Contains(Answer, itemPage, StringComparison.Ordinal);
        Assert.Contains($"Een vraag van {tenant.Name}", itemPage, StringComparison.Ordinal);
        Assert.DoesNotContain(staffName, itemPage, StringComparison.Ordinal);

        // Found by the Dutch search: another form of the words ("klankbordgroepen", "actieve").
        var found = Html.Text(await app.Anonymous().GetStringAsync("/kennisbank?q=klankbordgroepen+actieve"));
        Assert.Contains("Een klankbordgroep van ouders opzetten", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Een klankbordgroep van ouders opzetten", Html.Text(await app.Anonymous().GetStringAsync("/kennisbank?pijler=Signaleren")), StringComparison.Ordinal);
        // The knowledge base is the national site's: a steunpunt's address has none.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(tenant.Path("/kennisbank"))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_professional_registers_for_a_webinar_gets_an_invitation_and_a_reminder_and_is_forgotten_later(string provider)
    {
        var app = await apps.ForAsync(provider);
        var expert = await app.SignInAsync(await app.CreateAccountAsync(null, "Eva Expert", Policies.Expert), null);
        var plan = await expert.GetStringAsync("/expertgroep/webinars/plannen");
        var day = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fields = new List<(string, string)>
        {
            ("Title", "Signaleren met verhalen"), ("Pillar", "Signaleren"), ("Day", day), ("Time", "15:30"), ("Minutes", "60"),
            ("Description", "Hoe maak je van verhalen een rapportage?"), ("RoomUrl", "javascript:alert(1)"), ("MaxParticipants", "2"),
        };
        var bad = await expert.PostAsync("/expertgroep/webinars/plannen", SteunpuntApp.FormFrom(plan, [.. fields]));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Een link begint met https://", Html.Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        fields[6] = ("RoomUrl", "https://vergaderen.example/signaleren");
        var planned = await expert.PostAsync("/expertgroep/webinars/plannen", SteunpuntApp.FormFrom(plan, [.. fields]));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var webinarId = await app.WithDbAsync(null, db => db.Set<Webinar>().Where(w => w.Title == "Signaleren met verhalen").Select(w => w.Id).SingleAsync());

        var visitor = app.Anonymous();
        var page = await visitor.GetStringAsync($"/webinars/{webinarId}");
        Assert.DoesNotContain("vergaderen.example", page, StringComparison.Ordinal); // the room is in the mail only
        var email = $"prof-{Guid.NewGuid():N}@school.example";
        async Task<HttpResponseMessage> RegisterAsync(string address, string question = "", string? form = null) =>
            await visitor.PostAsync($"/webinars/{webinarId}", SteunpuntApp.FormWithHidden(form ?? await visitor.GetStringAsync($"/webinars/{webinarId}"), new Dictionary<string, string>
            {
                ["Input.Name"] = "Pim Professional",
                ["Input.Email"] = address,
                ["Input.Organisation"] = "Basisschool De Regenboog",
                ["Input.Question"] = question,
                ["Input.Theme"] = "T07",
            }));
        var registered = await RegisterAsync(email, "Hoe vaak rapporteren jullie aan het bestuur?");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // The confirmation came through the SMTP server with an iCalendar invitation for the right moment.
        var mail = await Mailbox.WaitForAsync(app.MailFolder, email);
        Assert.Contains("https://vergaderen.example/signaleren", mail.TextBody, StringComparison.Ordinal);
        var ics = mail.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        Assert.Equal("uitnodiging.ics", ics.FileName);
        using var icsText = new MemoryStream();
        await ics.Content!.DecodeToAsync(icsText);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(icsText.ToArray()))!;
        Assert.Equal("REQUEST", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal("Signaleren met verhalen", e.Summary);
        var expectedStart = await app.WithDbAsync(null, db => db.Set<Webinar>().Where(w => w.Id == webinarId).Select(w => w.StartsAt).SingleAsync());
        Assert.Equal(expectedStart.UtcDateTime, e.DtStart!.AsUtc);
        Assert.Equal(15, TimeZoneInfo.ConvertTime(expectedStart, Dutch.TimeZone).Hour);

        // An address behind a name is refused (what is checked is what is mailed), and the text stays.
        var disguised = await RegisterAsync($"Pim <other-{Guid.NewGuid():N}@school.example>");
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("zonder naam ervoor", Html.Text(await disguised.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The same address again: the same answer as a new one (nobody learns who registered), the confirmation goes
        // out again, and it is registered once.
        var again = await RegisterAsync(email.ToUpperInvariant());
        Assert.Equal(registered.Headers.Location, again.Headers.Location);
        var deadlineAgain = DateTime.UtcNow.AddSeconds(15);
        while ((await Mailbox.AllAsync(app.MailFolder)).Count(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))) < 2)
        {
            Assert.True(DateTime.UtcNow < deadlineAgain, "The second confirmation did not arrive.");
            await Task.Delay(200);
        }
        Assert.Equal(1, await app.WithDbAsync(null, db => db.Set<WebinarRegistration>().CountAsync(r => r.WebinarId == webinarId)));

        // Four people at once for the one place left: exactly one gets it.
        // All four opened the form while a place was free (a form opened after the last place went shows no form).
        var open = await visitor.GetStringAsync($"/webinars/{webinarId}");
        var rush = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => RegisterAsync($"rush-{i}-{Guid.NewGuid():N}@school.example", form: open)));
        Assert.Equal(1, rush.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(3, rush.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var full = await visitor.GetStringAsync($"/webinars/{webinarId}");
        Assert.Contains("Het webinar is vol.", Html.Text(full), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(null, db => db.Set<WebinarRegistration>().CountAsync(r => r.WebinarId == webinarId)));

        // The experts see the question in advance, grouped by the theme it was sent with, without who sent it.
        var edit = Html.Text(await expert.GetStringAsync($"/expertgroep/webinars/plannen/{webinarId}"));
        Assert.Contains("Hoe vaak rapporteren jullie aan het bestuur?", edit, StringComparison.Ordinal);
        var themeName = await app.WithDbAsync(null, db => db.Set<Theme>().Where(t => t.Code == "T07").Select(t => t.Name).SingleAsync());
        Assert.Contains($"{themeName} (1)", edit, StringComparison.Ordinal);

        // The day before, the reminder.
        await app.WithDbAsync(null, async db =>
        {
            await db.Set<Webinar>().Where(w => w.Id == webinarId).ExecuteUpdateAsync(s => s.SetProperty(w => w.StartsAt, DateTimeOffset.UtcNow.AddHours(20)));
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Who registered within the last day before the start just had the confirmation: no reminder.
            Assert.Equal(0, await WebinarReminders.SendAsync(scope.ServiceProvider, DateTimeOffset.UtcNow, default));
        }
        await app.WithDbAsync(null, async db =>
        {
            await db.Set<WebinarRegistration>().Where(r => r.WebinarId == webinarId).ExecuteUpdateAsync(s => s.SetProperty(r => r.RegisteredAt, DateTimeOffset.UtcNow.AddDays(-3)));
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await WebinarReminders.SendAsync(scope.ServiceProvider, DateTimeOffset.UtcNow, default));
            Assert.Equal(0, await WebinarReminders.SendAsync(scope.ServiceProvider, DateTimeOffset.UtcNow, default));
        }
        var reminderSubject = "Morgen: Signaleren met verhalen";
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(await Mailbox.AllAsync(app.MailFolder)).Any(m => m.Subject == reminderSubject && m.To.Mailboxes.Any(b => b.Address == email)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The reminder did not arrive.");
            await Task.Delay(200);
        }

        // A set time after the webinar, the registrations are gone; the question stays, without a person.
        await app.WithDbAsync(null, async db =>
        {
            await db.Set<Webinar>().Where(w => w.Id == webinarId).ExecuteUpdateAsync(s => s.SetProperty(w => w.StartsAt, DateTimeOffset.UtcNow.AddDays(-40)));
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Steunpunt.Privacy.RetentionSweep>().SweepAsync(default);
        }
        Assert.Equal(0, await app.WithDbAsync(null, db => db.Set<WebinarRegistration>().CountAsync(r => r.WebinarId == webinarId)));
        Assert.Equal(1, await app.WithDbAsync(null, db => db.Set<WebinarQuestion>().CountAsync(q => q.WebinarId == webinarId)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_practice_example_goes_from_submitted_through_a_change_to_the_public_library(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignInAsStaffAsync(tenant);
        var form = await staff.Client.GetStringAsync(tenant.Path("/postvak/praktijkvoorbeelden/schrijven"));
        var contact = $"contact-{Guid.NewGuid():N}@steunpunt.example";
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Spreekuur in de bibliotheek",
            ["Input.Situation"] = "Ouders vonden ons niet.",
            ["Input.WhatWeDid"] = "Eens per maand zitten we in de bibliotheek.",
            ["Input.WhatWorked"] = "Ouders lopen binnen.",
            ["Input.WhatDidNot"] = "Een avondspreekuur.",
            ["Input.WhatItTook"] = "",
            ["Input.Pillar"] = "Steunen",
            ["Input.Sector"] = "PO",
            ["Input.RegionSize"] = "Middel",
            ["Input.ContactAgreed"] = "true",
            ["Input.ContactName"] = "Carla Contact",
            ["Input.ContactEmail"] = contact,
            ["Send"] = "true",
        };
        var incomplete = await staff.Client.PostAsync(tenant.Path("/postvak/praktijkvoorbeelden/schrijven"), SteunpuntApp.FormFrom(form, [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var incompleteHtml = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("Vul ‘Wat het kostte’ in", Html.Text(incompleteHtml), StringComparison.Ordinal);
        Assert.Contains("Eens per maand zitten we in de bibliotheek.", incompleteHtml, StringComparison.Ordinal);
        fields["Input.WhatItTook"] = "Vier uur per maand.";
        var sent = await staff.Client.PostAsync(tenant.Path("/postvak/praktijkvoorbeelden/schrijven"), SteunpuntApp.FormFrom(form, [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = await app.WithDbAsync(null, db => db.Set<PracticeExample>().Where(p => p.SteunpuntId == tenant.Id).Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/praktijkvoorbeelden/{id}")).StatusCode);

        // The national editors ask for a change; the steunpunt reads it and sends again.
        var editor = await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null);
        var review = await editor.GetStringAsync($"/beheer/praktijkvoorbeelden/{id}");
        Assert.Contains("Ouders vonden ons niet.", Html.Text(review), StringComparison.Ordinal);
        Assert.DoesNotContain(contact, review, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync($"/beheer/praktijkvoorbeelden/{id}?handler=AskChange",
            SteunpuntApp.FormWithHidden(review, new Dictionary<string, string> { ["Remark"] = "Hoeveel ouders kwamen er per keer?" }))).StatusCode);
        await Mailbox.WaitForAsync(app.MailFolder, staff.Email);
        var again = await staff.Client.GetStringAsync(tenant.Path($"/postvak/praktijkvoorbeelden/schrijven/{id}"));
        Assert.Contains("Hoeveel ouders kwamen er per keer?", Html.Text(again), StringComparison.Ordinal);
        fields["Input.WhatWorked"] = "Ouders lopen binnen: vier tot acht per keer.";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Client.PostAsync(tenant.Path($"/postvak/praktijkvoorbeelden/schrijven/{id}"),
            SteunpuntApp.FormFrom(again, [.. fields.Select(f => (f.Key, f.Value))]))).StatusCode);

        // The editor reads it; meanwhile the steunpunt changes it once more: publishing what was read is refused.
        var read = await editor.GetStringAsync($"/beheer/praktijkvoorbeelden/{id}");
        fields["Input.WhatDidNot"] = "Een avondspreekuur: bijna niemand kwam.";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Client.PostAsync(tenant.Path($"/postvak/praktijkvoorbeelden/schrijven/{id}"),
            SteunpuntApp.FormFrom(again, [.. fields.Select(f => (f.Key, f.Value))]))).StatusCode);
        var stale = await editor.PostAsync($"/beheer/praktijkvoorbeelden/{id}?handler=Publish", SteunpuntApp.FormWithHidden(read, new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Een avondspreekuur: bijna niemand kwam.", Html.Text(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // Kept as a concept, it is taken back from the editors.
        fields["Send"] = "false";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Client.PostAsync(tenant.Path($"/postvak/praktijkvoorbeelden/schrijven/{id}"),
            SteunpuntApp.FormFrom(again, [.. fields.Select(f => (f.Key, f.Value))]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/beheer/praktijkvoorbeelden/{id}")).StatusCode);
        fields["Send"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Client.PostAsync(tenant.Path($"/postvak/praktijkvoorbeelden/schrijven/{id}"),
            SteunpuntApp.FormFrom(again, [.. fields.Select(f => (f.Key, f.Value))]))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync($"/beheer/praktijkvoorbeelden/{id}?handler=Publish",
            SteunpuntApp.FormWithHidden(await editor.GetStringAsync($"/beheer/praktijkvoorbeelden/{id}"), new Dictionary<string, string>()))).StatusCode);

        // In the library, found by filter and by search, with its steunpunt; the contact's address is nowhere.
        var visitor = app.Anonymous();
        Assert.Contains("Spreekuur in de bibliotheek", Html.Text(await visitor.GetStringAsync("/praktijkvoorbeelden?pijler=Steunen&sector=PO&q=spreekuren")), StringComparison.Ordinal);
        Assert.DoesNotContain("Spreekuur in de bibliotheek", Html.Text(await visitor.GetStringAsync("/praktijkvoorbeelden?sector=VO")), StringComparison.Ordinal);
        var example = await visitor.GetStringAsync($"/praktijkvoorbeelden/{id}");
        Assert.Contains(tenant.Name, Html.Text(example), StringComparison.Ordinal);
        Assert.Contains("vier tot acht per keer", Html.Text(example), StringComparison.Ordinal);
        Assert.DoesNotContain(contact, example, StringComparison.Ordinal);

        // "Ook interesse?" reaches the contact by mail, with the sender's address to answer.
        var asker = $"interesse-{Guid.NewGuid():N}@swv.example";
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostAsync($"/praktijkvoorbeelden/{id}", SteunpuntApp.FormWithHidden(example, new Dictionary<string, string>
        {
            ["Input.Name"] = "Ilse",
            ["Input.Email"] = asker,
            ["Input.Organisation"] = "SWV Noord",
            ["Input.Text"] = "Mogen we eens bellen over jullie spreekuur?",
        }))).StatusCode);
        var mail = await Mailbox.WaitForAsync(app.MailFolder, contact);
        Assert.Contains("Mogen we eens bellen over jullie spreekuur?", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(asker, mail.TextBody, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
