using System.Net;
using Steunpunt.Accounts;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.National;

/// <summary>The coordinator keeps the steunpunt's self-assessment against the leidraad; nobody else changes it, and
/// one steunpunt never sees another's.</summary>
public sealed class LeidraadTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_coordinator_marks_items_with_evidence_and_a_mistake_keeps_what_was_typed(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var coordinator = (await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator])).Client;
        var url = tenant.Path("/postvak/leidraad");

        var page = await coordinator.GetStringAsync(url);
        Assert.Contains("Op orde: 0 van 17.", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("A17. Het steunpunt bereikt mensen", Html.Text(page), StringComparison.Ordinal);

        var saved = await coordinator.PostAsync(url, SteunpuntApp.FormFrom(page, ("Code", "A7"), ("Status", "OpOrde"), ("Evidence", "Telefoon en formulier; openingstijden op /contact")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await coordinator.GetStringAsync(url);
        Assert.Contains("Op orde: 1 van 17.", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("Telefoon en formulier; openingstijden op /contact", page, StringComparison.Ordinal);
        Assert.Matches("id=\"Status-A7-OpOrde\" checked", page);

        var wrong = await coordinator.PostAsync(url, SteunpuntApp.FormFrom(page, ("Code", "A9"), ("Status", "9"), ("Evidence", "Anoniem vragen kan al")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Kies bij A9 hoe ver jullie zijn.", Html.Text(wrongHtml), StringComparison.Ordinal);
        Assert.Contains("Anoniem vragen kan al", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync(url, SteunpuntApp.FormFrom(page, ("Code", "A99"), ("Status", "OpOrde")))).StatusCode);

        // The other steunpunt starts from nothing; staff, board, editors and the national site have no checklist.
        var otherCoordinator = (await app.SignInAsStaffAsync(other, roles: [Policies.Staff, Policies.Coordinator])).Client;
        Assert.Contains("Op orde: 0 van 17.", Html.Text(await otherCoordinator.GetStringAsync(other.Path("/postvak/leidraad"))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.GetAsync(url)).StatusCode);
        var staff = (await app.SignInAsStaffAsync(tenant)).Client;
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(url)).StatusCode);
        var board = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Bestuurder", Policies.Board), tenant);
        Assert.NotEqual(HttpStatusCode.OK, (await board.GetAsync(url)).StatusCode);
        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/postvak/leidraad")).StatusCode);
    }
}
