using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Questions;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Questions;

public sealed class AskingTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Anonymous_parent_gets_a_personal_link_and_code_that_open_the_conversation(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var text = $"Mijn zoon zit al drie weken thuis. Wat kan ik doen? {Guid.NewGuid():N}";

        var asked = await app.AskQuestionAsync(tenant, text);

        Assert.StartsWith(tenant.Path("/gesprek/"), asked.LinkPath, StringComparison.Ordinal);
        var token = asked.LinkPath[tenant.Path("/gesprek/").Length..];
        Assert.Equal(16, Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "==").Length); // 128 bits
        Assert.Matches("^[A-Z2-9]{5}-[A-Z2-9]{5}$", asked.Code);
        // The receipt names the day the answer is due: three working days (no closures in a fresh steunpunt).
        var due = WorkingDays.DueOn(WorkingDays.DutchDate(DateTimeOffset.UtcNow), 3, []);
        Assert.Contains($"uiterlijk <strong>{Dutch.DayAndDate(due)}</strong> antwoord", asked.Html, StringComparison.Ordinal);

        var byLink = await app.Anonymous().GetAsync(asked.LinkPath);
        Assert.Equal(HttpStatusCode.OK, byLink.StatusCode);
        Assert.Contains(text, Html.Text(await byLink.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(byLink.Headers.CacheControl?.NoStore);

        var client = app.Anonymous();
        var codeForm = await client.GetStringAsync(tenant.Path("/gesprek"));
        var byCode = await client.PostAsync(tenant.Path("/gesprek?handler=Code"),
            SteunpuntApp.FormFrom(codeForm, ("Code", asked.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal))));
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        Assert.Contains(text, Html.Text(await byCode.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Only fingerprints are stored, never the link token or the code.
        var stored = await app.WithDbAsync(tenant.Id, db => db.Cases.SingleAsync());
        Assert.NotEqual(token, stored.LinkHash);
        Assert.DoesNotContain(token, stored.LinkHash + stored.CodeHash + stored.SubmissionHash, StringComparison.Ordinal);
        Assert.Equal(ContactWay.LinkOnly, stored.ContactWay);
        Assert.Equal("", stored.Email + stored.Phone + stored.ContactName);
        Assert.True(stored.AwaitingStaff);
        Assert.Equal("T07", stored.ThemeCodes.ToString());
        Assert.DoesNotContain(app.Logs.Messages, m => m.Contains(text, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Sending_the_same_form_twice_or_at_once_stores_one_question_and_shows_the_same_link(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var form = await client.GetStringAsync(tenant.Path("/vraag-stellen"));
        var fields = SteunpuntApp.QuestionFields("Dubbel geklikt, één vraag.");

        // A double click: two posts of the same form at the same moment; then a refresh of the confirmation.
        var posts = await Task.WhenAll(
            client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, fields)),
            client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, fields)));
        var refresh = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, fields));

        var receipts = new List<AskedQuestion>();
        foreach (var response in posts.Append(refresh))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            receipts.Add(AskedQuestion.From(await response.Content.ReadAsStringAsync()));
        }
        Assert.Single(receipts.Select(r => r.LinkPath).Distinct());
        Assert.Single(receipts.Select(r => r.Code).Distinct());
        Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.CaseMessages.CountAsync()));

        // A new form is a new question.
        await app.AskQuestionAsync(tenant, "Een tweede vraag.");
        Assert.Equal(2, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));
    }

    public static TheoryData<string, string, string, string, string> BadInputs()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var provider in Databases.Names)
        {
            data.Add(provider, "Input.Text", "", "LinkOnly", "Schrijf uw vraag in het vak");
            data.Add(provider, "Input.Text", new string('a', 20000), "LinkOnly", "Uw vraag is te lang");
            data.Add(provider, "Input.Email", "ouder@@voorbeeld", "Email", "Dit e-mailadres klopt niet");
            data.Add(provider, "Input.Email", "", "Email", "Vul uw e-mailadres in");
            data.Add(provider, "Input.Phone", "06-1234", "Phone", "Dit telefoonnummer klopt niet");
            data.Add(provider, "Input.Phone", "bel me <b>nu</b>", "Phone", "Dit telefoonnummer klopt niet");
        }
        return data;
    }

    [Theory, MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_plain_message_and_keeps_what_was_typed(string provider, string field, string value, string way, string message)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var typed = $"Deze tekst moet blijven staan {Guid.NewGuid():N}";
        var fields = SteunpuntApp.QuestionFields(typed);
        fields["Input.ContactWay"] = way;
        fields["Input.Name"] = "Sanne";
        fields[field] = value;

        var response = await SteunpuntApp.PostQuestionAsync(app.Anonymous(), tenant, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("Er ging iets mis", html, StringComparison.Ordinal);
        var kept = field == "Input.Text" ? value : typed;
        if (kept.Length > 0)
        {
            Assert.Contains(WebUtility.HtmlEncode(kept)[..Math.Min(kept.Length, 200)], html, StringComparison.Ordinal);
        }
        Assert.Contains("value=\"Sanne\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Script_tags_emoji_and_right_to_left_text_are_stored_as_written_and_shown_escaped(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var text = "<script>alert('x')</script> Mijn kind 😢 is bang. مدرسة ابني <b>vet</b>\nNieuwe regel";

        var asked = await app.AskQuestionAsync(tenant, text, new Dictionary<string, string>
        {
            ["Input.ContactWay"] = "Email",
            ["Input.Email"] = "ouder@voorbeeld.nl",
            ["Input.Name"] = "<img src=x onerror=alert(1)>",
        });
        var page = await app.Anonymous().GetStringAsync(asked.LinkPath);

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>vet</b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains(text, Html.Text(page), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(tenant.Id, db => db.CaseMessages.SingleAsync());
        Assert.Equal(text, stored.Text);
        Assert.Equal("<img src=x onerror=alert(1)>", await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.ContactName).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_forged_link_or_code_finds_nothing_and_an_old_link_says_it_expired(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var asked = await app.AskQuestionAsync(tenant, "Een vraag die later wordt afgesloten.");

        var forged = await app.Anonymous().GetAsync(tenant.Path("/gesprek/AAAAAAAAAAAAAAAAAAAAAA"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("Deze link werkt niet", Html.Text(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var garbage = await app.Anonymous().GetAsync(tenant.Path("/gesprek/%3Cscript%3E"));
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);

        // Another steunpunt's link does not open here.
        var other = await app.CreateTenantAsync();
        var elsewhere = await app.Anonymous().GetAsync(other.Path(asked.LinkPath[(tenant.Slug.Length + 1)..]));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        var client = app.Anonymous();
        var codeForm = await client.GetStringAsync(tenant.Path("/gesprek"));
        var wrongCode = await client.PostAsync(tenant.Path("/gesprek?handler=Code"), SteunpuntApp.FormFrom(codeForm, ("Code", "ABCDE-FGHJK")));
        Assert.Equal(HttpStatusCode.NotFound, wrongCode.StatusCode);
        Assert.Contains("We vinden geen gesprek met deze code", Html.Text(await wrongCode.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await app.WithDbAsync(tenant.Id, async db =>
        {
            var c = await db.Cases.SingleAsync();
            c.Status = CaseStatus.Closed;
            c.ClosedAt = DateTimeOffset.UtcNow.AddDays(-91);
            await db.SaveChangesAsync();
        });
        var expired = await app.Anonymous().GetAsync(asked.LinkPath);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Deze link werkt niet meer", Html.Text(await expired.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_person_replies_through_the_link_and_a_resent_reply_is_stored_once(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var asked = await app.AskQuestionAsync(tenant, "Eerste vraag.");
        var client = app.Anonymous();
        var page = await client.GetStringAsync(asked.LinkPath);

        var empty = await client.PostAsync(asked.LinkPath + "?handler=Reply", SteunpuntApp.FormWithHidden(page, new Dictionary<string, string> { ["Reply"] = "  " }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Schrijf uw reactie in het vak", Html.Text(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var reply = SteunpuntApp.FormWithHidden(page, new Dictionary<string, string> { ["Reply"] = "Nog een aanvulling." });
        var first = await client.PostAsync(asked.LinkPath + "?handler=Reply", reply);
        var again = await client.PostAsync(asked.LinkPath + "?handler=Reply",
            SteunpuntApp.FormWithHidden(page, new Dictionary<string, string> { ["Reply"] = "Nog een aanvulling." }));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Uw reactie is verstuurd", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(tenant.Id, db => db.CaseMessages.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Health_information_needs_explicit_consent(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var fields = SteunpuntApp.QuestionFields("Mijn kind heeft ADHD en autisme.");
        fields["Input.SharesHealth"] = "ja";

        var refused = await SteunpuntApp.PostQuestionAsync(app.Anonymous(), tenant, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Geef toestemming dat wij dit bewaren", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));

        await app.AskQuestionAsync(tenant, "Mijn kind heeft ADHD en autisme.", new Dictionary<string, string>
        {
            ["Input.SharesHealth"] = "ja",
            ["Input.HealthConsent"] = "true",
        });
        Assert.NotNull(await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.HealthConsentAt).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_form_tells_the_reply_time_and_explains_to_youth_under_16_what_happens(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.WithDbAsync(null, async db =>
        {
            var t = await db.Tenants.SingleAsync(x => x.Id == tenant.Id);
            t.ReplyWorkingDays = 5;
            await db.SaveChangesAsync();
        });

        var form = Html.Text(await app.Anonymous().GetStringAsync(tenant.Path("/vraag-stellen")));
        var youthForm = Html.Text(await app.Anonymous().GetStringAsync(tenant.Path("/vraag-stellen?voor=jongeren")));

        Assert.Contains("5 werkdagen", form, StringComparison.Ordinal);
        Assert.Contains("Bent u jonger dan 16?", form, StringComparison.Ordinal);
        Assert.Contains("We vertellen het niet aan uw ouders", form, StringComparison.Ordinal);
        Assert.Contains("Ben je jonger dan 16?", youthForm, StringComparison.Ordinal);
        Assert.Contains("We vertellen het niet aan je ouders", youthForm, StringComparison.Ordinal);
        Assert.Contains("Bel met een afgeschermd nummer", form, StringComparison.Ordinal);
        Assert.Contains("Spreek niets in", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/vraag-stellen")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_ask_form_says_u_to_parents_and_je_to_youth_and_keeps_it_after_sending(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var themes = await FormOfAddress.ThemeNamesAsync(app, tenant);
        var client = app.Anonymous();

        FormOfAddress.AssertParents(await client.GetStringAsync(tenant.Path("/vraag-stellen")), "Stel uw vraag", themes);
        var youth = await client.GetStringAsync(tenant.Path("/vraag-stellen?voor=jongeren"));
        FormOfAddress.AssertYouth(youth, "Stel je vraag", themes);

        // Sent empty from the youth form: the message and the form that comes back say je.
        var empty = SteunpuntApp.QuestionFields("");
        empty["Input.Role"] = "Jongere";
        var refused = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(youth, empty));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Schrijf je vraag in het vak", Html.Text(refusedHtml), StringComparison.Ordinal);
        FormOfAddress.AssertYouth(refusedHtml, "Stel je vraag", themes);

        // Sent: the confirmation says je, and the personal link opens the conversation for youth.
        var fields = SteunpuntApp.QuestionFields("Mag ik zelf kiezen bij welke mentor ik kom?");
        fields["Input.Role"] = "Jongere";
        var sent = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(refusedHtml, fields));
        var sentHtml = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        FormOfAddress.AssertYouth(sentHtml, "Je vraag is ontvangen", themes);
        var asked = AskedQuestion.From(sentHtml);
        Assert.Equal("?voor=jongeren", asked.Link.Query);
        FormOfAddress.AssertYouth(await client.GetStringAsync(asked.LinkPath + asked.Link.Query), "Je gesprek met het steunpunt", themes);

        // A parent's question: u on the confirmation, and a link without the youth form.
        var parent = await app.AskQuestionAsync(tenant, "Mag de school mijn dochter weigeren bij het schoolreisje?");
        FormOfAddress.AssertParents(parent.Html, "Uw vraag is ontvangen", themes);
        Assert.Equal("", parent.Link.Query);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_conversation_page_says_u_to_parents_and_je_to_youth_and_keeps_it_after_a_reply(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var themes = await FormOfAddress.ThemeNamesAsync(app, tenant);
        var asked = await app.AskQuestionAsync(tenant, "Mag de school mijn dochter weigeren bij het schoolreisje?");
        var client = app.Anonymous();

        // The code form.
        FormOfAddress.AssertParents(await client.GetStringAsync(tenant.Path("/gesprek")), "Uw gesprek openen", themes);
        var youthCodeForm = await client.GetStringAsync(tenant.Path("/gesprek?voor=jongeren"));
        FormOfAddress.AssertYouth(youthCodeForm, "Je gesprek openen", themes);
        var byCode = await client.PostAsync(tenant.Path("/gesprek?handler=Code"), SteunpuntApp.FormWithHidden(youthCodeForm, new Dictionary<string, string> { ["Code"] = asked.Code }));
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        FormOfAddress.AssertYouth(await byCode.Content.ReadAsStringAsync(), "Je gesprek met het steunpunt", themes);

        // The conversation, and a reply sent from the youth page.
        var parents = await client.GetStringAsync(asked.LinkPath);
        FormOfAddress.AssertParents(parents, "Uw gesprek met het steunpunt", themes);
        var youth = await client.GetStringAsync(asked.LinkPath + "?voor=jongeren");
        FormOfAddress.AssertYouth(youth, "Je gesprek met het steunpunt", themes);
        var empty = await client.PostAsync(asked.LinkPath + "?handler=Reply", SteunpuntApp.FormWithHidden(youth, new Dictionary<string, string> { ["Reply"] = " " }));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Schrijf je reactie in het vak", Html.Text(emptyHtml), StringComparison.Ordinal);
        FormOfAddress.AssertYouth(emptyHtml, "Je gesprek met het steunpunt", themes);
        var replied = await client.PostAsync(asked.LinkPath + "?handler=Reply", SteunpuntApp.FormWithHidden(emptyHtml, new Dictionary<string, string> { ["Reply"] = "Ik wil er graag over praten." }));
        var repliedHtml = await replied.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Contains("Je reactie is verstuurd", Html.Text(repliedHtml), StringComparison.Ordinal);
        FormOfAddress.AssertYouth(repliedHtml, "Je gesprek met het steunpunt", themes);
    }
}
