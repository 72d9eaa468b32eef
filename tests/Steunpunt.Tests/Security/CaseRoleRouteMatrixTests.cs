using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Privacy;
using Steunpunt.Questions;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Security;

/// <summary>
/// Independence, route by route: every page and action that touches a case, walked by every role that may not
/// read cases. Each gets a 404 (the case does not exist for them) or, when not signed in (far enough), the sign-in;
/// none sees the question, and the case is unchanged afterwards, with nothing in its audit log but its creation.
/// </summary>
public sealed class CaseRoleRouteMatrixTests(Apps apps) : IClassFixture<Apps>
{
    // Every POST handler of the case page, found by reflection so that a new one cannot be left out.
    private static readonly string[] s_caseHandlers = [.. typeof(Steunpunt.Questions.Inbox.CaseModel).GetMethods()
        .Select(m => System.Text.RegularExpressions.Regex.Match(m.Name, "^OnPost(\\w+)Async$")).Where(m => m.Success).Select(m => m.Groups[1].Value)];
    private const string Secret = "Vertrouwelijk: mijn zoon heeft een diagnose en zit thuis";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task No_role_but_the_steunpunts_own_staff_reaches_a_case(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        await app.AskQuestionAsync(tenant, Secret);
        var caseId = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Id).SingleAsync());

        var roles = new List<(string Name, HttpClient Client, HttpStatusCode Expected)>
        {
            ("anonymous", app.Anonymous(), HttpStatusCode.Redirect),
            ("editor of this steunpunt", await app.SignInAsync(await app.CreateAccountAsync(tenant, "Redacteur", Policies.Editor), tenant), HttpStatusCode.NotFound),
            ("board member of this steunpunt", await app.SignInAsync(await app.CreateAccountAsync(tenant, "Bestuurder", Policies.Board), tenant), HttpStatusCode.NotFound),
            ("national editor", await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null), HttpStatusCode.NotFound),
            ("national administrator", await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null), HttpStatusCode.NotFound),
            ("ministry", await app.SignInAsync(await app.CreateAccountAsync(null, "Ministerie", Policies.Ministry), null), HttpStatusCode.NotFound),
            ("expert", await app.SignInAsync(await app.CreateAccountAsync(null, "Expert", Policies.Expert), null), HttpStatusCode.NotFound),
            ("staff of another steunpunt", (await app.SignInAsStaffAsync(other)).Client, HttpStatusCode.NotFound),
            ("coordinator of another steunpunt", (await app.SignInAsStaffAsync(other, roles: [Policies.Staff, Policies.Coordinator])).Client, HttpStatusCode.NotFound),
            ("staff here without the second step", await PasswordOnlyAsync(app, tenant), HttpStatusCode.Redirect),
        };
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.ReplyTemplates.Add(new ReplyTemplate { Title = "Eigen sjabloon", Text = "Eigen tekst", ChangedBy = "test" });
            await db.SaveChangesAsync();
        });
        var templateId = await app.WithDbAsync(tenant.Id, db => db.ReplyTemplates.Select(t => t.Id).SingleAsync());
        var routes = new List<(string Method, string Path, string? Handler)>
        {
            ("GET", "/postvak", null),
            ("GET", "/postvak/logboek", null),
            ("GET", $"/postvak/logboek?zaak={caseId}", null),
            ("GET", "/postvak/nieuw-contact", null),
            ("POST", "/postvak/nieuw-contact", null),
            ("GET", $"/postvak/zaak/{caseId}", null),
            ("GET", "/postvak/sjablonen", null),
            ("POST", "/postvak/sjablonen", "Save"),
            ("GET", $"/postvak/sjablonen?id={templateId}", null),
            ("POST", $"/postvak/sjablonen?id={templateId}", "Save"),
            ("POST", $"/postvak/sjablonen?id={templateId}", "Delete"),
        };
        routes.AddRange(IndexLists().Select(l => ("GET", $"/postvak?lijst={l}", (string?)null)));
        routes.AddRange(s_caseHandlers.Select(h => ("POST", $"/postvak/zaak/{caseId}", (string?)h)));

        var failures = new List<string>();
        foreach (var (name, client, expected) in roles)
        {
            var token = SteunpuntApp.AntiforgeryToken(await client.GetStringAsync(tenant.Path("/account/inloggen")));
            foreach (var (method, path, handler) in routes)
            {
                var url = tenant.Path(path) + (handler is null ? "" : $"{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}");
                using var response = method == "GET"
                    ? await client.GetAsync(url)
                    : await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["Reply"] = "Ik doe alsof ik medewerker ben.",
                        ["Note"] = "Stiekeme notitie.",
                        ["AssignTo"] = "",
                        ["Input.Summary"] = "Stiekem contact.",
                        ["Input.Channel"] = "Telefoon",
                        ["Title"] = "Stiekem sjabloon",
                        ["Text"] = "Stiekeme tekst.",
                        ["CallNote"] = "Stiekem gebeld.",
                    }));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != expected || body.Contains("Vertrouwelijk", StringComparison.Ordinal) || body.Contains("diagnose en zit thuis", StringComparison.Ordinal))
                {
                    failures.Add($"{name} {method} {url}: {(int)response.StatusCode}");
                }
                if (expected == HttpStatusCode.Redirect && response.Headers.Location is { } location
                    && !location.OriginalString.Contains("/account/", StringComparison.Ordinal))
                {
                    failures.Add($"{name} {method} {url}: redirected to {location}");
                }
            }
        }
        Assert.Empty(failures);
        Assert.Contains("CalledBack", s_caseHandlers);
        Assert.Contains("InsertLink", s_caseHandlers);
        Assert.Equal("Eigen tekst", await app.WithDbAsync(tenant.Id, db => db.ReplyTemplates.Select(t => t.Text).SingleAsync()));

        // Nothing happened to the case, and nobody but the person who asked is in its audit log.
        var after = await app.WithDbAsync(tenant.Id, db => db.Cases.Include(c => c.Messages).Include(c => c.Notes).SingleAsync());
        Assert.Equal((CaseStatus.Open, 1, 0, null), (after.Status, after.Messages.Count, after.Notes.Count, after.AssignedToId));
        Assert.Equal([CaseAction.Aangemaakt], await app.WithDbAsync(tenant.Id, db => db.CaseAudit.Where(a => a.CaseId == caseId).Select(a => a.Action).ToListAsync()));
        Assert.Equal(0, await app.WithDbAsync(other.Id, db => db.Cases.CountAsync()));

        // The steunpunt's own staff do reach it.
        var own = await app.SignInAsStaffAsync(tenant);
        var page = await own.Client.GetAsync(tenant.Path($"/postvak/zaak/{caseId}"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(Secret, Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static IEnumerable<string> IndexLists() => Steunpunt.Questions.Inbox.IndexModel.Lists.Select(l => l.Key);

    private static async Task<HttpClient> PasswordOnlyAsync(SteunpuntApp app, TestTenant tenant)
    {
        var email = await app.CreateAccountAsync(tenant, "Nieuwe medewerker", Policies.Staff);
        var client = app.CookieClient();
        var login = await client.GetStringAsync(tenant.Path("/account/inloggen"));
        await client.PostAsync(tenant.Path("/account/inloggen"), SteunpuntApp.FormFrom(login, ("Input.Email", email), ("Input.Password", SteunpuntApp.Password)));
        return client;
    }
}
