using System.Net;
using System.Text.RegularExpressions;
using Steunpunt.Accounts;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.National;

/// <summary>Landelijk beheer invites the national accounts; the ministry's account reads the monitor and nothing else.</summary>
public sealed partial class NationalTeamTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_administrator_invites_the_ministry_which_lands_on_the_monitor(string provider)
    {
        var app = await apps.ForAsync(provider);
        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        var page = await admin.GetStringAsync("/beheer/team");
        var email = $"monitor-{Guid.NewGuid():N}@minocw.example";

        var wrong = await admin.PostAsync("/beheer/team", SteunpuntApp.FormFrom(page, ("Input.Name", "Mira Monitor"), ("Input.Email", email), ("Input.Role", Policies.Staff)));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Kies wat deze persoon gaat doen.", Html.Text(wrongHtml), StringComparison.Ordinal);
        Assert.Contains(email, wrongHtml, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/beheer/team", SteunpuntApp.FormFrom(page,
            ("Input.Name", "Mira Monitor"), ("Input.Email", email), ("Input.Role", Policies.Ministry)))).StatusCode);
        Assert.Contains("Mira Monitor", Html.Text(await admin.GetStringAsync("/beheer/team")), StringComparison.Ordinal);
        var mail = await Mailbox.WaitForAsync(app.MailFolder, email);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        Assert.StartsWith("/account/wachtwoord-instellen", link.PathAndQuery, StringComparison.Ordinal);
        var newcomer = app.Anonymous();
        var setForm = await newcomer.GetStringAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.PostAsync(link.PathAndQuery,
            SteunpuntApp.FormWithHidden(setForm, new Dictionary<string, string> { ["Password"] = SteunpuntApp.Password }))).StatusCode);

        var ministry = await app.SignInAsync(email, null);
        Assert.Contains("Monitor ouder- en jeugdsteunpunten", Html.Text(await ministry.GetStringAsync("/beheer/monitor")), StringComparison.Ordinal);
        foreach (var path in new[] { "/beheer/team", "/beheer/steunpunten", "/beheer/registers", "/beheer/delen" })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await ministry.GetAsync(path)).StatusCode);
        }
        var editor = await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null);
        Assert.NotEqual(HttpStatusCode.OK, (await editor.GetAsync("/beheer/team")).StatusCode);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
