using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Questions;
using Steunpunt.Signals;
using Steunpunt.Stories;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Questions;

/// <summary>Staff see at a glance what a question is about: theme names, its first words, filters, and deadlines that
/// follow the steunpunt's calendar. Parents are only offered call-back times when the steunpunt is open.</summary>
public sealed partial class InboxAtAGlanceTests(Apps apps) : IClassFixture<Apps>
{
    private const string Question =
        "Onze zoon Bram zit sinds de herfstvakantie thuis omdat de school zegt dat zij hem niet meer kunnen helpen.";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Staff_read_theme_names_not_codes_in_the_inbox_case_story_and_signal_pages_and_counts_in_the_right_number(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.AskQuestionAsync(tenant, "Mag de school mijn dochter naar huis sturen?", new Dictionary<string, string> { ["Input.Theme"] = "T07" });
        var names = await app.WithDbAsync(null, db => db.Themes.ToDictionaryAsync(t => t.Code, t => t.Name));
        var (caseId, storyId, signalId) = await app.WithDbAsync(tenant.Id, async db =>
        {
            var story = new Story { ReceivedAt = DateTimeOffset.UtcNow, Teller = Teller.Ouder, ThemeCodes = ThemeSet.Of("T12"), WhatHappened = "Het ging mis." };
            var signal = new Signal { Title = "Te lang wachten", ThemeCodes = ThemeSet.Of("T07"), Source = SignalSource.Handmatig };
            var caseId = await db.Cases.Select(c => c.Id).SingleAsync();
            db.Stories.Add(story);
            db.Signals.Add(signal);
            db.SignalLinks.Add(new SignalLink { SignalId = signal.Id, CaseId = caseId });
            await db.SaveChangesAsync();
            return (caseId, story.Id, signal.Id);
        });
        var staff = (await app.SignInAsStaffAsync(tenant)).Client;

        var pages = new (string Path, string Name)[]
        {
            ("/postvak", names["T07"]),
            ($"/postvak/zaak/{caseId}", names["T07"]),
            ("/postvak/verhalen", names["T12"]),
            ($"/postvak/verhalen/{storyId}", names["T12"]),
            ($"/postvak/signalen/{signalId}", names["T07"]),
        };
        foreach (var (path, name) in pages)
        {
            var text = Html.Text(Html.MainOf(await staff.GetStringAsync(tenant.Path(path))));
            Assert.Contains(name, text, StringComparison.Ordinal);
            Assert.False(ThemeCode().IsMatch(text), $"{path} shows a theme code: {ThemeCode().Match(text).Value}");
        }

        // One linked contact is "contact", no stories are "verhalen".
        var signalPage = Html.Text(Html.MainOf(await staff.GetStringAsync(tenant.Path($"/postvak/signalen/{signalId}"))));
        Assert.Contains("1 gekoppeld contact · 0 gekoppelde verhalen", signalPage, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_inbox_shows_the_first_words_of_a_question_and_no_mail_log_or_title_does(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var address = $"ouder-{Guid.NewGuid():N}@voorbeeld.nl";
        await app.AskQuestionAsync(tenant, Question, new Dictionary<string, string> { ["Input.ContactWay"] = "Email", ["Input.Email"] = address });
        var staff = (await app.SignInAsStaffAsync(tenant)).Client;

        var inbox = await staff.GetStringAsync(tenant.Path("/postvak"));
        Assert.Equal(["Onze zoon Bram zit sinds de herfstvakantie thuis omdat de school zegt…"], FirstWords(inbox));
        Assert.DoesNotContain("Bram", Parse(inbox).Title, StringComparison.Ordinal);
        Assert.DoesNotContain(Parse(inbox).QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("Bram", StringComparison.Ordinal));

        var mail = await Mailbox.WaitForAsync(app.MailFolder, address);
        Assert.DoesNotContain("Bram", mail.Subject + mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Messages, m => m.Contains("Bram", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Each_filter_narrows_the_inbox_and_a_value_not_offered_is_ignored(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.AskQuestionAsync(tenant, "Eerste vraag over thuiszitten", new Dictionary<string, string> { ["Input.Theme"] = "T07" });
        await app.AskQuestionAsync(tenant, "Tweede vraag over vervoer", new Dictionary<string, string> { ["Input.Theme"] = "T12" });
        await app.AskQuestionAsync(tenant, "Derde vraag ook over vervoer", new Dictionary<string, string> { ["Input.Theme"] = "T12" });
        await app.AskQuestionAsync(tenant, "Vierde vraag, voor Kim", new Dictionary<string, string> { ["Input.Theme"] = "T07" });
        await app.AskQuestionAsync(tenant, "Vijfde vraag, voor mij", new Dictionary<string, string> { ["Input.Theme"] = "T07" });
        var kim = await app.CreateAccountAsync(tenant, "Kim", Policies.Staff);
        var session = await app.SignInAsStaffAsync(tenant);
        var staff = session.Client;
        var (kimId, meId) = await app.WithDbAsync(null, async db => (
            await db.Users.Where(u => u.Email == kim).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == session.Email).Select(u => u.Id).SingleAsync()));
        await app.WithDbAsync(tenant.Id, async db =>
        {
            var cases = await db.Cases.Include(c => c.Messages).ToListAsync();
            SupportCase With(string start) => cases.Single(c => c.Messages.Single().Text.StartsWith(start, StringComparison.Ordinal));
            With("Derde").Channel = Channel.Telefoon;
            (With("Vierde").AssignedToId, With("Vierde").AssignedToName, With("Vierde").AwaitingStaff) = (kimId, "Kim", false);
            (With("Vijfde").AssignedToId, With("Vijfde").AssignedToName, With("Vijfde").AwaitingStaff) = (meId, "Ik", false);
            await db.SaveChangesAsync();
        });
        async Task<string[]> Rows(string query)
        {
            var response = await staff.GetAsync(tenant.Path("/postvak?" + query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. FirstWords(await response.Content.ReadAsStringAsync()).Order(StringComparer.Ordinal)];
        }

        string[] all = ["Derde vraag ook over vervoer", "Eerste vraag over thuiszitten", "Tweede vraag over vervoer"];
        Assert.Equal(all, await Rows("lijst=nieuw"));
        Assert.Equal(["Derde vraag ook over vervoer", "Tweede vraag over vervoer"], await Rows("lijst=nieuw&thema=T12"));
        Assert.Equal(["Derde vraag ook over vervoer"], await Rows("lijst=nieuw&kanaal=Telefoon"));
        Assert.Equal(["Tweede vraag over vervoer"], await Rows("lijst=nieuw&thema=T12&kanaal=Formulier"));
        Assert.Equal(["Vierde vraag, voor Kim"], await Rows($"lijst=wacht&behandelaar={kimId}"));
        Assert.Equal(["Vierde vraag, voor Kim", "Vijfde vraag, voor mij"], await Rows("lijst=wacht&thema=T07"));

        // Values the form never offers are ignored, so the list is the unfiltered one.
        Assert.Equal(all, await Rows("lijst=nieuw&thema=T99&kanaal=Fax&behandelaar=iemand"));
        Assert.Equal(all, await Rows("lijst=nieuw&thema=%25&kanaal=1&behandelaar="));
        Assert.Equal(all, await Rows("lijst=nieuw&thema=T07'%20OR%20'1'%3D'1"));

        // The form: labelled controls that keep the choice, the list kept, and a way back to everything.
        var page = Parse(await staff.GetStringAsync(tenant.Path("/postvak?lijst=nieuw&thema=T12")));
        var form = page.QuerySelector("main form.filters")!;
        Assert.Equal(["behandelaar", "kanaal", "thema"], form.QuerySelectorAll("select").Select(s => s.Id!).Order(StringComparer.Ordinal));
        Every.Item(form.QuerySelectorAll("select"), s => Assert.NotNull(form.QuerySelector($"label[for={s.Id}]")));
        Assert.Equal("T12", form.QuerySelector("#thema option[selected]")!.GetAttribute("value"));
        Assert.Equal("nieuw", form.QuerySelector("input[name=lijst]")!.GetAttribute("value"));
        var clear = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Wis filters");
        Assert.Equal(all, await Rows(clear.GetAttribute("href")!.Split('?')[1]));
        Assert.DoesNotContain(Parse(await staff.GetStringAsync(tenant.Path("/postvak"))).QuerySelectorAll("a"), a => a.TextContent.Trim() == "Wis filters");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Call_back_times_follow_the_opening_hours_and_a_closed_time_is_refused_with_the_text_kept(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.OpeningHours.RemoveRange(await db.OpeningHours.ToListAsync());
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday })
            {
                db.OpeningHours.Add(new OpeningHours { Day = day, Opens = new(9, 0), Closes = new(16, 0), Note = "telefonisch" });
            }
            await db.SaveChangesAsync();
        });
        var client = app.Anonymous();

        var form = Parse(await client.GetStringAsync(tenant.Path("/vraag-stellen")));
        var offered = form.QuerySelectorAll("input[name='Input.PhoneWindows']").Select(i => form.QuerySelector($"label[for={i.Id}]")!.TextContent).ToList();
        Assert.Equal(["'s ochtends (9.00–12.00 uur)", "'s middags (12.00–16.00 uur)"], offered);

        var fields = SteunpuntApp.QuestionFields("Kunt u mij bellen over het OPP van mijn dochter?");
        fields["Input.ContactWay"] = "Phone";
        fields["Input.Phone"] = "0612345678";
        fields["Input.PhoneWindows"] = "avond";
        var refused = await SteunpuntApp.PostQuestionAsync(client, tenant, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Het steunpunt is 's avonds gesloten. Kies een ander moment waarop wij u mogen bellen.", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kunt u mij bellen over het OPP van mijn dochter?", html.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());
        Assert.Equal("0612345678", html.QuerySelector("input[name='Input.Phone']")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));

        fields["Input.PhoneWindows"] = "middag";
        Assert.Equal(HttpStatusCode.OK, (await SteunpuntApp.PostQuestionAsync(client, tenant, fields)).StatusCode);
        Assert.Equal("middag", await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.PhoneWindows).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_closure_added_after_a_question_arrived_moves_its_deadline_and_removing_it_moves_it_back(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.AskQuestionAsync(tenant, "Wanneer hoor ik iets over de TLV?");
        var asked = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => new { c.ReceivedAt, c.ReplyDueOn }).SingleAsync());
        var (received, promised) = (WorkingDays.DutchDate(asked.ReceivedAt), asked.ReplyDueOn!.Value);
        // Closed from the day after the question until the day it was due: those working days no longer count.
        var closed = (From: received.AddDays(1), To: promised);
        var expected = WorkingDays.DueOn(received, 3, [closed]);
        Assert.True(expected > promised);

        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var contact = await editor.GetStringAsync(tenant.Path("/beheer/contact"));
        var added = await editor.PostAsync(tenant.Path("/beheer/contact?handler=AddClosure"), SteunpuntApp.FormFrom(contact,
            ("Closure.From", closed.From.ToString("yyyy-MM-dd", null)), ("Closure.To", closed.To.ToString("yyyy-MM-dd", null)), ("Closure.Reason", "Studiedagen")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var moved = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => new { c.ReplyDueOn, c.FirstDueOn }).SingleAsync());
        Assert.Equal(((DateOnly?)expected, (DateOnly?)expected), (moved.ReplyDueOn, moved.FirstDueOn));
        var staff = (await app.SignInAsStaffAsync(tenant)).Client;
        Assert.Contains(Dutch.Date(expected), Html.Text(Html.MainOf(await staff.GetStringAsync(tenant.Path("/postvak")))), StringComparison.Ordinal);

        var closureId = await app.WithDbAsync(tenant.Id, db => db.Closures.Select(c => c.Id).SingleAsync());
        contact = await editor.GetStringAsync(tenant.Path("/beheer/contact"));
        await editor.PostAsync(tenant.Path($"/beheer/contact?handler=RemoveClosure&id={closureId}"), SteunpuntApp.FormFrom(contact));
        Assert.Equal(promised, await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.ReplyDueOn!.Value).SingleAsync()));
    }

    [Fact]
    public void The_first_words_are_cut_at_a_word()
    {
        Assert.Equal("een twee drie…", Steunpunt.Questions.Inbox.IndexModel.FirstWords("een  twee\ndrie vier", 3));
        Assert.Equal("een twee drie", Steunpunt.Questions.Inbox.IndexModel.FirstWords(" een twee drie ", 3));
        Assert.Equal("", Steunpunt.Questions.Inbox.IndexModel.FirstWords("", 3));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The "begin van de vraag" cell of each inbox row.</summary>
    private static string[] FirstWords(string html)
    {
        var table = Parse(html).QuerySelector("main table");
        if (table is null)
        {
            return [];
        }
        var column = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList().IndexOf("Begin van de vraag");
        Assert.True(column >= 0, "The inbox has no column with the first words.");
        return [.. table.QuerySelectorAll("tbody tr").Select(tr => tr.Children[column].TextContent.Trim())];
    }

    [GeneratedRegex(@"\bT\d\d\b")]
    private static partial Regex ThemeCode();
}
