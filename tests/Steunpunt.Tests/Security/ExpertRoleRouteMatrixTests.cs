using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.National.Experts;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Security;

/// <summary>
/// The expert group's routes, walked by every role: only an expert (on the national site, with two steps) reads and
/// answers the steunpunten's questions; a steunpunt's team reads only its own; every other role meets a 404 or the
/// sign-in, sees none of the question, and the question is unchanged afterwards. (That an expert never reaches a case or
/// a story is in <see cref="CaseRoleRouteMatrixTests"/> and <see cref="SignalRoleBoundaryTests"/>.)
/// </summary>
public sealed class ExpertRoleRouteMatrixTests(Apps apps) : IClassFixture<Apps>
{
    private const string Secret = "Hoe houden wij de klankbordgroep geheim-actief?";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_experts_read_the_expert_queue_and_a_team_only_its_own_questions(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var asker = await app.SignInAsStaffAsync(tenant);
        var form = await asker.Client.GetStringAsync(tenant.Path("/postvak/expertgroep"));
        Assert.Equal(HttpStatusCode.Redirect, (await asker.Client.PostAsync(tenant.Path("/postvak/expertgroep"),
            SteunpuntApp.FormFrom(form, ("Title", "Geheime titel"), ("Pillar", "Algemeen"), ("Text", Secret)))).StatusCode);
        var id = await app.WithDbAsync(null, db => db.Set<ExpertQuestion>().Where(q => q.SteunpuntId == tenant.Id).Select(q => q.Id).SingleAsync());

        var roles = new List<(string Name, HttpClient Client)>
        {
            ("anonymous", app.Anonymous()),
            ("editor of this steunpunt", await app.SignInAsync(await app.CreateAccountAsync(tenant, "Redacteur", Policies.Editor), tenant)),
            ("board member of this steunpunt", await app.SignInAsync(await app.CreateAccountAsync(tenant, "Bestuurder", Policies.Board), tenant)),
            ("national editor", await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null)),
            ("national administrator", await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null)),
            ("ministry", await app.SignInAsync(await app.CreateAccountAsync(null, "Ministerie", Policies.Ministry), null)),
            ("staff of another steunpunt", (await app.SignInAsStaffAsync(other)).Client),
            ("staff of the asking steunpunt", asker.Client),
        };
        // The expert group's own routes (national site), and the team's thread at each steunpunt's address.
        var national = new List<(string Method, string Path)>
        {
            ("GET", "/expertgroep"), ("GET", "/expertgroep?lijst=open"), ("GET", $"/expertgroep/vraag/{id}"),
            ("POST", $"/expertgroep/vraag/{id}?handler=Take"), ("POST", $"/expertgroep/vraag/{id}?handler=Answer"),
            ("POST", $"/expertgroep/vraag/{id}?handler=Wider"), ("GET", $"/expertgroep/kennisbank/schrijven?vraag={id}"),
            ("POST", $"/expertgroep/kennisbank/schrijven?vraag={id}"), ("GET", "/expertgroep/webinars"), ("GET", "/expertgroep/webinars/plannen"),
        };
        var failures = new List<string>();
        foreach (var (name, client) in roles)
        {
            var token = SteunpuntApp.AntiforgeryToken(await client.GetStringAsync("/account/inloggen"));
            var paths = national.Select(r => (r.Method, r.Path))
                .Concat(name == "staff of the asking steunpunt" ? [] : [("GET", tenant.Path($"/postvak/expertgroep/{id}")), ("POST", tenant.Path($"/postvak/expertgroep/{id}"))])
                .Append(("GET", other.Path($"/postvak/expertgroep/{id}")));
            foreach (var (method, path) in paths)
            {
                using var response = method == "GET" ? await client.GetAsync(path) : await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Text"] = "Ik doe alsof ik expert ben.",
                    ["Wider"] = "true",
                    ["Title"] = "Stiekem",
                    ["QuestionText"] = "Stiekem",
                    ["Answer"] = "Stiekem",
                    ["Pillar"] = "Algemeen",
                }));
                var body = await response.Content.ReadAsStringAsync();
                var refused = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
                    || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/", StringComparison.Ordinal);
                if (!refused || body.Contains("geheim-actief", StringComparison.Ordinal) || body.Contains("Geheime titel", StringComparison.Ordinal))
                {
                    failures.Add($"{name} {method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        Assert.Empty(failures);

        // Nothing happened to the question, and no knowledge-base item was made.
        var after = await app.WithDbAsync(null, db => db.Set<ExpertQuestion>().Include(q => q.Messages).SingleAsync(q => q.Id == id));
        Assert.Equal((ExpertQuestionStatus.Nieuw, 1, false, null), (after.Status, after.Messages.Count, after.PlaysWider, after.TakenById));
        Assert.Equal(0, await app.WithDbAsync(null, db => db.Set<Steunpunt.National.Knowledge.KnowledgeItem>().CountAsync(k => k.FromQuestionId == id)));

        // The asking team and an expert do reach it.
        Assert.Contains(Secret, Html.Text(await asker.Client.GetStringAsync(tenant.Path($"/postvak/expertgroep/{id}"))), StringComparison.Ordinal);
        var expert = await app.SignInAsync(await app.CreateAccountAsync(null, "Expert", Policies.Expert), null);
        Assert.Contains(Secret, Html.Text(await expert.GetStringAsync($"/expertgroep/vraag/{id}")), StringComparison.Ordinal);
        // An expert on a steunpunt's address has no expert pages there.
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync(tenant.Path("/expertgroep"))).StatusCode);
    }
}
