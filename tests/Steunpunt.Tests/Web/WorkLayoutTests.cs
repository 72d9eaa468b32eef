using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Information.Klankbord;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>Signed-in people work in their own layout: a work menu for their roles instead of the public menu, every
/// item of it reachable for them, and the public site one click away.</summary>
public sealed class WorkLayoutTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_role_sees_its_own_work_menu_and_every_item_in_it_opens(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var po = await app.WithDbAsync(tenant.Id, db => db.Set<Partnership>().Where(p => p.Sector == Sector.PO).Select(p => p.Id).SingleAsync());
        var board = await app.SignInAsync(await Signals.BoardReportTests.BoardMemberAsync(app, tenant, po), tenant);
        var panelMember = (await app.SignInAsPanelMemberAsync(tenant, Panel.Ouders)).Client;
        var people = new (string Who, HttpClient Client, string Start, string[] Menu)[]
        {
            ("coordinator", (await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator])).Client, tenant.Path("/postvak"),
                ["Postvak", "Verhalen", "Signalen", "Rapportage", "Expertgroep", "Team", "Leidraad", "Naar de website", "Uitloggen"]),
            ("staff", (await app.SignInAsStaffAsync(tenant)).Client, tenant.Path("/postvak/sjablonen"),
                ["Postvak", "Verhalen", "Signalen", "Rapportage", "Expertgroep", "Naar de website", "Uitloggen"]),
            ("editor", await app.SignInAsync(await app.CreateAccountAsync(tenant, "Redacteur", Policies.Editor), tenant), tenant.Path("/beheer"),
                ["Inhoud", "Klankbordgroep", "Naar de website", "Uitloggen"]),
            ("board member", board, tenant.Path("/rapportage"), ["Rapportage", "Naar de website", "Uitloggen"]),
            ("panel member", panelMember, tenant.Path("/klankbord"), ["Klankbord", "Naar de website", "Uitloggen"]),
            ("national administrator", await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null), "/beheer/steunpunten",
                ["Steunpunten", "Registers", "Monitor", "Naar de website", "Uitloggen"]),
            ("national editor", await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null), "/beheer",
                ["Inhoud", "Landelijke set delen", "Naar de website", "Uitloggen"]),
            ("expert", await app.SignInAsync(await app.CreateAccountAsync(null, "Expert", Policies.Expert), null), "/expertgroep",
                ["Expertgroep", "Naar de website", "Uitloggen"]),
        };
        var failures = new List<string>();
        foreach (var (who, client, start, menu) in people)
        {
            var html = await client.GetStringAsync(start);
            var page = new HtmlParser().ParseDocument(html);
            var nav = page.QuerySelector("nav.site-nav[aria-label=Werkmenu]");
            if (nav is null || page.QuerySelector("nav[aria-label=Hoofdmenu]") is not null)
            {
                failures.Add($"{who} on {start}: no work menu, or the public menu as well");
                continue;
            }
            var links = nav.QuerySelectorAll("a").ToList();
            var names = links.Select(a => a.TextContent.Trim()).ToList();
            if (!names.SequenceEqual(menu))
            {
                failures.Add($"{who}: menu is [{string.Join(", ", names)}]");
            }
            if (!links.Any(a => a.GetAttribute("aria-current") == "page"))
            {
                failures.Add($"{who} on {start}: no item marked as the current page");
            }
            foreach (var href in links.Select(a => a.GetAttribute("href")!))
            {
                var response = await client.GetAsync(href);
                if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } moved && !moved.OriginalString.Contains("/account/", StringComparison.Ordinal))
                {
                    response.Dispose();
                    response = await client.GetAsync(moved);
                }
                using var shown = response;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{who}: {href} gave {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The public site keeps its own menu and shows no work menu, also to a signed-in staff member.
        var staffOnPublic = new HtmlParser().ParseDocument(await people[1].Client.GetStringAsync(tenant.Path("/")));
        Assert.NotNull(staffOnPublic.QuerySelector("nav[aria-label=Hoofdmenu]"));
        Assert.Null(staffOnPublic.QuerySelector("nav[aria-label=Werkmenu]"));
    }
}
