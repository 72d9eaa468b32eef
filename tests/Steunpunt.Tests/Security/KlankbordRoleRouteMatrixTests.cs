using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Accounts;
using Steunpunt.Information.Klankbord;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Security;

/// <summary>
/// A klankbord member reads drafts and nothing else: every route of the app that is not public and not a member page
/// answers 404 to a signed-in member (never the staff sign-in), at their steunpunt's address and on the national site.
/// The other way round, no staff account opens a member page.
/// </summary>
public sealed partial class KlankbordRoleRouteMatrixTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_signed_in_member_gets_404_on_every_route_that_is_not_public(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var (member, _) = await app.SignInAsPanelMemberAsync(tenant, Panel.Ouders, app.CookieClient());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(tenant.Path("/klankbord"))).StatusCode);

        var routes = ClosedRoutes(app);
        Assert.True(routes.Count > 40, string.Join("\n", routes));
        // The walk covers the staff's rooms: the inbox, cases, stories, signals, reports, editing, national pages.
        foreach (var expected in new[] { "postvak", "beheer", "beheer/klankbord", "beheer/klankbord/verslag", "expertgroep", "rapportage" })
        {
            Assert.Contains(routes, r => r.StartsWith(expected, StringComparison.Ordinal));
        }
        var anonymous = app.Anonymous();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var path in new[] { tenant.Path("/" + route), "/" + route })
            {
                using var response = await member.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{path}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        Assert.Empty(failures);
        // The walk can fail: without the member's sign-in, a staff page sends to the staff sign-in.
        var inbox = await anonymous.GetAsync(tenant.Path("/postvak"));
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.Contains("/account/inloggen", inbox.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Staff_and_editors_cannot_open_member_pages(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var draft = await app.AddDraftAsync(tenant, "Geheim-concept voor de klankbordgroep?");
        await app.ShareDraftAsync(tenant, draft.Id, Panel.Ouders);
        var accounts = new List<(string Name, HttpClient Client)>
        {
            ("editor", await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant)),
            ("staff", (await app.SignInAsStaffAsync(tenant)).Client),
            ("coordinator", (await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator])).Client),
            ("anonymous", app.Anonymous()),
        };
        var failures = new List<string>();
        foreach (var (name, client) in accounts)
        {
            foreach (var path in new[] { tenant.Path("/klankbord"), tenant.Path($"/klankbord/concept/{draft.Id}") })
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                var toMemberSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/klankbord/inloggen", StringComparison.Ordinal);
                if (!toMemberSignIn || body.Contains("Geheim-concept", StringComparison.Ordinal))
                {
                    failures.Add($"{name} {path}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        Assert.Empty(failures);
        // On the national site the member pages do not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/klankbord")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/klankbord/inloggen")).StatusCode);
    }

    /// <summary>Every route of the app that needs a sign-in, except the member pages, with its parameters filled in.</summary>
    private static List<string> ClosedRoutes(SteunpuntApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.RoutePattern.RawText is not null)
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => a.Policy != Policies.PanelMember))
            .Select(e => Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), m =>
                m.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
                : m.Groups["constraint"].Value.Contains("int", StringComparison.Ordinal) ? "1" : "test"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:?=]+)(?<constraint>:[^}]*?)?\??\}")]
    private static partial Regex Parameter();
}
