using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Questions;
using Steunpunt.Stories;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>
/// Requests the server cannot read or should not serve get a calm Dutch page with a truthful status, and the forms
/// that matter keep what was typed when the page stood open too long or the cookie is gone.
/// </summary>
public sealed class UnreadableRequestTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Error_pages_take_their_status_from_the_route_within_400_to_599_and_never_read_the_body(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        foreach (var (path, status) in new[] { ("/fout/0", 404), ("/fout/99", 404), ("/fout/200", 404), ("/fout/1000", 404), ("/fout/404", 404), ("/fout/503", 503), ("/fout", 404) })
        {
            var response = await client.GetAsync(tenant.Path(path));
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Contains("<h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A body the server refuses to parse (a NUL the framework rejects is taken out first; over 1024 fields is not)
        // gets the 400 page, also when the page it was sent to is the error page itself.
        var form = await client.GetStringAsync(tenant.Path("/account/inloggen"));
        var crowded = string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")) + "&__RequestVerificationToken=" + Uri.EscapeDataString(SteunpuntApp.AntiforgeryToken(form));
        foreach (var target in new[] { "/account/inloggen", "/fout/400" })
        {
            var response = await client.PostAsync(tenant.Path(target), new StringContent(crowded, Encoding.ASCII, "application/x-www-form-urlencoded"));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("We konden dit niet lezen", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Failed to read", html, StringComparison.Ordinal);
        }

        // A body larger than any form of ours: 413, with the Dutch page, unread.
        using var big = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        big.Headers.ContentType = new("application/x-www-form-urlencoded");
        var tooBig = await client.PostAsync(tenant.Path("/vraag-stellen"), big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("Uw bericht is te groot", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Only a page made for uploads (the DUO registers) takes a large file; any other page refuses it unread.
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(new byte[2 * 1024 * 1024]), "file", "groot.csv" } };
        var uploaded = await client.PostAsync(tenant.Path("/vraag-stellen"), upload);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, uploaded.StatusCode);
        Assert.Contains("Uw bericht is te groot", await uploaded.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Methods we do not serve: 405 with the methods we do, never a 500.
        foreach (var method in new[] { "TRACE", "PUT", "DELETE", "PATCH", "OPTIONS" })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), tenant.Path("/")));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("GET, HEAD, POST", string.Join(", ", response.Content.Headers.Allow));
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_lost_antiforgery_cookie_redraws_ask_tell_and_reply_with_the_text_and_a_fresh_token(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var asked = await app.AskQuestionAsync(tenant, "Een vraag waarop ik reageer.");
        var cases = new (string Page, string Post, Dictionary<string, string> Fields, string Typed)[]
        {
            ("/vraag-stellen", "/vraag-stellen", SteunpuntApp.QuestionFields("Ik typte een uur aan deze vraag."), "Ik typte een uur aan deze vraag."),
            ("/vertel", "/vertel", Steunpunt.Tests.Stories.TellingTests.StoryFields("Mijn verhaal van een uur typen."), "Mijn verhaal van een uur typen."),
            (asked.LinkPath[tenant.Path("").Length..], asked.LinkPath[tenant.Path("").Length..] + "?handler=Reply",
                new Dictionary<string, string> { ["Reply"] = "Mijn reactie van een uur typen." }, "Mijn reactie van een uur typen."),
        };
        foreach (var (page, post, fields, typed) in cases)
        {
            var form = await app.Anonymous().GetStringAsync(tenant.Path(page));
            // The browser lost its cookies (closed, or an hour passed): a fresh client sends the old form.
            var stale = app.Anonymous();
            var response = await stale.PostAsync(tenant.Path(post), SteunpuntApp.FormWithHidden(form, fields));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(typed), html, StringComparison.Ordinal);
            Assert.Contains("nog niet verstuurd", Html.Text(html), StringComparison.Ordinal);
            // Sent again from the redrawn form (its fresh token, its new cookie): stored.
            var again = await stale.PostAsync(tenant.Path(post), SteunpuntApp.FormWithHidden(html, fields));
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        Assert.Equal(2, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.Stories.CountAsync()));
        Assert.Equal(3, await app.WithDbAsync(tenant.Id, db => db.CaseMessages.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_submission_key_answers_only_the_same_submission(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var form = await client.GetStringAsync(tenant.Path("/vraag-stellen"));
        var first = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, SteunpuntApp.QuestionFields("De vraag van de eerste ouder.")));
        var firstReceipt = AskedQuestion.From(await first.Content.ReadAsStringAsync());

        // The same key with other text is another person's question: a new link, never the first one.
        var replayed = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, SteunpuntApp.QuestionFields("Een heel andere vraag.")));
        var replayedHtml = await replayed.Content.ReadAsStringAsync();
        Assert.True(replayed.StatusCode == HttpStatusCode.OK, Html.Text(Html.MainOf(replayedHtml)));
        var replayedReceipt = AskedQuestion.From(replayedHtml);
        Assert.NotEqual(firstReceipt.LinkPath, replayedReceipt.LinkPath);
        Assert.NotEqual(firstReceipt.Code, replayedReceipt.Code);
        Assert.DoesNotContain("De vraag van de eerste ouder", (await app.Anonymous().GetStringAsync(replayedReceipt.LinkPath)), StringComparison.Ordinal);

        // The same submission key posted to another steunpunt (with that site's own antiforgery token): stored there,
        // with its own link.
        var otherForm = await client.GetStringAsync(other.Path("/vraag-stellen"));
        var sameKey = SteunpuntApp.QuestionFields("De vraag van de eerste ouder.");
        sameKey["Input.SubmissionKey"] = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.SubmissionKey\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(22, sameKey["Input.SubmissionKey"].Length);
        var elsewhere = await client.PostAsync(other.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(otherForm, sameKey));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.NotEqual(firstReceipt.LinkPath, AskedQuestion.From(await elsewhere.Content.ReadAsStringAsync()).LinkPath);

        // The very same submission again (a refresh): the first receipt.
        var refreshed = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, SteunpuntApp.QuestionFields("De vraag van de eerste ouder.")));
        Assert.Equal(firstReceipt.LinkPath, AskedQuestion.From(await refreshed.Content.ReadAsStringAsync()).LinkPath);
        Assert.Equal(2, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(other.Id, db => db.Cases.CountAsync()));
    }
}
