using System.Net;
using System.Text.RegularExpressions;
using Steunpunt.Accounts;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Accounts;

public sealed partial class TeamTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_coordinator_invites_a_colleague_who_sets_a_password_and_two_steps_and_can_reset_them(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var coordinator = await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator]);
        var page = await coordinator.Client.GetStringAsync(tenant.Path("/postvak/team"));
        var email = $"nieuw-{Guid.NewGuid():N}@voorbeeld.nl";

        var boardWithoutSwv = await coordinator.Client.PostAsync(tenant.Path("/postvak/team?handler=Invite"),
            SteunpuntApp.FormFrom(page, ("Input.Name", "Bestuurder"), ("Input.Email", email), ("Input.Kind", "board")));
        Assert.Equal(HttpStatusCode.BadRequest, boardWithoutSwv.StatusCode);
        Assert.Contains("Kies het samenwerkingsverband", Html.Text(await boardWithoutSwv.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var invited = await coordinator.Client.PostAsync(tenant.Path("/postvak/team?handler=Invite"),
            SteunpuntApp.FormFrom(page, ("Input.Name", "Noor"), ("Input.Email", email), ("Input.Kind", "staff")));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var again = await coordinator.Client.PostAsync(tenant.Path("/postvak/team?handler=Invite"),
            SteunpuntApp.FormFrom(page, ("Input.Name", "Noor"), ("Input.Email", email), ("Input.Kind", "staff")));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        // The invitation arrives by mail; the link sets the password.
        var mail = await Mailbox.WaitForAsync(app.MailFolder, email);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        var newcomer = app.Anonymous();
        var form = await newcomer.GetStringAsync(link.PathAndQuery);
        var weak = await newcomer.PostAsync(link.PathAndQuery, SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Password"] = "kort" }));
        Assert.Contains("niet sterk genoeg", Html.Text(await weak.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var set = await newcomer.PostAsync(link.PathAndQuery, SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Password"] = SteunpuntApp.Password }));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var reused = await newcomer.PostAsync(link.PathAndQuery, SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Password"] = SteunpuntApp.Password + "x" }));
        Assert.Contains("Deze link werkt niet", Html.Text(await reused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Signing in: two steps are set up first; then the inbox opens. A plain staff member has no team page.
        var noor = await app.SignInAsStaffAsync(tenant, email);
        Assert.Equal(HttpStatusCode.OK, (await noor.Client.GetAsync(tenant.Path("/postvak"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await noor.Client.GetAsync(tenant.Path("/postvak/team"))).StatusCode);

        // A lost phone: the coordinator resets two steps, and the next sign-in sets them up again.
        page = await coordinator.Client.GetStringAsync(tenant.Path("/postvak/team"));
        var id = await app.WithDbAsync(null, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Email == email));
        var reset = await coordinator.Client.PostAsync(tenant.Path($"/postvak/team?handler=ResetTwoStep&id={id.Id}"), SteunpuntApp.FormFrom(page));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var afterReset = await app.SignInAsStaffAsync(tenant, email); // passes only through the set-up page again
        Assert.NotEqual(noor.Key, afterReset.Key);

        // Another steunpunt's coordinator cannot reach this team page.
        var other = await app.CreateTenantAsync();
        var otherCoordinator = await app.SignInAsStaffAsync(other, roles: [Policies.Staff, Policies.Coordinator]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.Client.GetAsync(tenant.Path("/postvak/team"))).StatusCode);
    }

    [GeneratedRegex(@"https?://\S+wachtwoord-instellen\S+")]
    private static partial Regex LinkPattern();
}
