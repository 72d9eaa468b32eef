using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Questions;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Questions;

public sealed class ReplyTemplateTests(Apps apps) : IClassFixture<Apps>
{
    [Fact]
    public void Placeholders_are_filled_for_the_reader_and_unknown_ones_are_named()
    {
        const string text = "{aanhef}\n\nBedankt voor je vraag. Groet, {medewerker} van {steunpunt}. {Naam}";
        Assert.Equal("Hoi Sanne,\n\nBedankt voor je vraag. Groet, Eva van Steunpunt West. Sanne",
            ReplyTemplates.Fill(text, new ReplyTemplates.Context("Sanne", RequesterRole.Jongere, "Eva", "Steunpunt West")));
        Assert.StartsWith("Beste ouder,", ReplyTemplates.Fill(text, new ReplyTemplates.Context("", RequesterRole.Ouder, "Eva", "W")), StringComparison.Ordinal);
        Assert.StartsWith("Beste collega,", ReplyTemplates.Fill(text, new ReplyTemplates.Context("", RequesterRole.Professional, "Eva", "W")), StringComparison.Ordinal);
        Assert.StartsWith("Beste Jan,", ReplyTemplates.Fill(text, new ReplyTemplates.Context("Jan", RequesterRole.Ouder, "Eva", "W")), StringComparison.Ordinal);
        Assert.Empty(ReplyTemplates.Unknown(text));
        Assert.Equal(["{naaam}", "{datum}"], ReplyTemplates.Unknown("{naaam} {datum} {naam} {naaam} { spatie }"));
    }

    [Fact]
    public void Web_addresses_in_a_staff_message_become_links_and_everything_else_stays_text()
    {
        var html = MessageText.Linked("Lees https://steunpunt.example/informatie/opp. <script>x</script> (zie http://a.example/b?c=1&d=2)").ToString();
        Assert.Equal("Lees <a href=\"https://steunpunt.example/informatie/opp\">https://steunpunt.example/informatie/opp</a>. &lt;script&gt;x&lt;/script&gt; "
            + "(zie <a href=\"http://a.example/b?c=1&amp;d=2\">http://a.example/b?c=1&amp;d=2</a>)", html);
        Assert.Equal("javascript:alert(1) &quot;x&quot;", MessageText.Linked("javascript:alert(1) \"x\"").ToString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Staff_keep_templates_and_a_wrong_placeholder_or_a_taken_name_is_refused_with_the_text_kept(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignInAsStaffAsync(tenant);
        var url = tenant.Path("/postvak/sjablonen");
        var page = await staff.Client.GetStringAsync(url);

        var wrong = await staff.Client.PostAsync(url + "?handler=Save", SteunpuntApp.FormFrom(page, ("Title", "Eerste reactie"), ("Text", "{aanhef} dank voor uw vraag, {naaam}.")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Deze invulplek kennen we niet: {naaam}.", Html.MainOf(wrongHtml), StringComparison.Ordinal);
        Assert.Contains("dank voor uw vraag, {naaam}.</textarea>", wrongHtml, StringComparison.Ordinal);

        var saved = await staff.Client.PostAsync(url + "?handler=Save", SteunpuntApp.FormFrom(page, ("Title", "Eerste reactie"), ("Text", "{aanhef} dank voor uw vraag.")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var taken = await staff.Client.PostAsync(url + "?handler=Save", SteunpuntApp.FormFrom(page, ("Title", "eerste REACTIE"), ("Text", "Iets anders.")));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("Er is al een sjabloon met deze naam.", Html.MainOf(await taken.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var template = await app.WithDbAsync(tenant.Id, db => db.ReplyTemplates.SingleAsync());
        Assert.Equal(("Eerste reactie", "{aanhef} dank voor uw vraag."), (template.Title, template.Text));
        // A colleague changes it; the list shows it under its name.
        var colleague = await app.SignInAsStaffAsync(tenant);
        var edit = await colleague.Client.GetStringAsync(url + $"?id={template.Id}");
        var changed = await colleague.Client.PostAsync(url + $"?id={template.Id}&handler=Save", SteunpuntApp.FormFrom(edit, ("Title", "Eerste reactie"), ("Text", "{aanhef} bedankt.")));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("{aanhef} bedankt.", await app.WithDbAsync(tenant.Id, db => db.ReplyTemplates.Select(t => t.Text).SingleAsync()));

        // Another steunpunt neither sees nor changes it.
        var other = await app.CreateTenantAsync();
        var stranger = await app.SignInAsStaffAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(other.Path($"/postvak/sjablonen?id={template.Id}"))).StatusCode);
        var strangerPage = await stranger.Client.GetStringAsync(other.Path("/postvak/sjablonen"));
        Assert.DoesNotContain("Eerste reactie", strangerPage, StringComparison.Ordinal);
        var hijack = await stranger.Client.PostAsync(other.Path($"/postvak/sjablonen?id={template.Id}&handler=Delete"), SteunpuntApp.FormFrom(strangerPage));
        Assert.Equal(HttpStatusCode.NotFound, hijack.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.ReplyTemplates.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_reply_gets_a_filled_in_template_and_a_link_to_a_published_answer_without_losing_what_was_typed(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var asked = await app.AskQuestionAsync(tenant, "Moet mijn zoon naar school als hij ziek is?", new Dictionary<string, string>
        {
            ["Input.ContactWay"] = "Email",
            ["Input.Email"] = "ouder@example.org",
            ["Input.Name"] = "Fatima",
        });
        var email = await app.CreateAccountAsync(tenant, "Eva de Vries", Policies.Staff);
        var staff = await app.SignInAsync(email, tenant);
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.ReplyTemplates.Add(new ReplyTemplate { Title = "Leerplicht", Text = "{aanhef}\nHier leest u meer. Groet, {medewerker}", ChangedBy = "test" });
            await db.SaveChangesAsync();
        });
        var templateId = await app.WithDbAsync(tenant.Id, db => db.ReplyTemplates.Select(t => t.Id).SingleAsync());
        var caseId = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Id).SingleAsync());
        var caseUrl = tenant.Path($"/postvak/zaak/{caseId}");
        var page = await staff.GetStringAsync(caseUrl);

        // The template goes below what was typed, filled in for this person and this staff member.
        var withTemplate = await staff.PostAsync(caseUrl + "?handler=Template", SteunpuntApp.FormFrom(page, ("Reply", "Dank voor uw vraag."), ("TemplateId", templateId.ToString())));
        Assert.Equal(HttpStatusCode.OK, withTemplate.StatusCode);
        var reply = Textarea(await withTemplate.Content.ReadAsStringAsync());
        Assert.Equal("Dank voor uw vraag.\n\nBeste Fatima,\nHier leest u meer. Groet, Eva de Vries", reply);

        // A template of another steunpunt cannot be put in.
        var other = await app.CreateTenantAsync();
        await app.WithDbAsync(other.Id, async db =>
        {
            db.ReplyTemplates.Add(new ReplyTemplate { Title = "Geheim", Text = "Tekst van een ander steunpunt", ChangedBy = "test" });
            await db.SaveChangesAsync();
        });
        var foreignId = await app.WithDbAsync(other.Id, db => db.ReplyTemplates.Select(t => t.Id).SingleAsync());
        var foreign = await staff.PostAsync(caseUrl + "?handler=Template", SteunpuntApp.FormFrom(page, ("Reply", reply), ("TemplateId", foreignId.ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var foreignHtml = await foreign.Content.ReadAsStringAsync();
        Assert.Equal(reply, Textarea(foreignHtml));
        Assert.DoesNotContain("Tekst van een ander steunpunt", foreignHtml, StringComparison.Ordinal);

        // Search the site's answers, then put one in as a link.
        var found = await staff.PostAsync(caseUrl + "?handler=FindAnswer", SteunpuntApp.FormFrom(page, ("Reply", reply), ("AnswerQuery", "leerplicht ziek")));
        var foundHtml = await found.Content.ReadAsStringAsync();
        Assert.Equal(reply, Textarea(foundHtml));
        var choices = new HtmlParser().ParseDocument(foundHtml).QuerySelectorAll("button[name=LinkTo]").Select(b => b.GetAttribute("value")!).ToList();
        Assert.NotEmpty(choices);
        var slug = choices[0];
        var linked = await staff.PostAsync(caseUrl + "?handler=InsertLink", SteunpuntApp.FormFrom(page, ("Reply", reply), ("LinkTo", slug)));
        var linkedReply = Textarea(await linked.Content.ReadAsStringAsync());
        Assert.StartsWith(reply + "\n\n", linkedReply, StringComparison.Ordinal);
        Assert.EndsWith($"/informatie/{slug}", linkedReply, StringComparison.Ordinal);
        Assert.StartsWith("http", linkedReply.Split('\n')[^1], StringComparison.Ordinal);
        var missing = await staff.PostAsync(caseUrl + "?handler=InsertLink", SteunpuntApp.FormFrom(page, ("Reply", reply), ("LinkTo", "bestaat-niet")));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(reply, Textarea(await missing.Content.ReadAsStringAsync()));

        // Sent, the person reads the link in their conversation.
        var sent = await staff.PostAsync(caseUrl + "?handler=Reply", SteunpuntApp.FormFrom(page, ("Reply", linkedReply)));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var conversation = Html.MainOf(await app.Anonymous().GetStringAsync(asked.Link));
        Assert.Contains($"/informatie/{slug}", conversation, StringComparison.Ordinal);
        Assert.Contains("Beste Fatima,", conversation, StringComparison.Ordinal);
    }

    private static string Textarea(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("textarea[name=Reply]")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
}
