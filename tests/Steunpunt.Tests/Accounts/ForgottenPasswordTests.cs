using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Accounts;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Accounts;

/// <summary>"Wachtwoord vergeten": a mailed link sets a new password once, within an hour, never for an unknown or
/// locked address, never signs in by itself and never skips the two-step sign-in.</summary>
public sealed partial class ForgottenPasswordTests(Apps apps) : IClassFixture<Apps>
{
    private const string NewPassword = "Nieuw-wachtwoord-456";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_mailed_link_sets_a_new_password_once_and_sign_in_still_asks_the_code(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignInAsStaffAsync(tenant);

        // From the sign-in page to the form, as a person gets there.
        var visitor = app.Anonymous();
        var login = await visitor.GetStringAsync(tenant.Path("/account/inloggen"));
        var forgot = ForgotLinkPattern().Match(login);
        Assert.True(forgot.Success, "The sign-in page has no link for a forgotten password.");
        var answer = await AskForLinkAsync(visitor, WebUtility.HtmlDecode(forgot.Groups[1].Value), staff.Email);
        Assert.Contains("Als dit adres bij ons bekend is, krijgt u binnen een paar minuten een mail", answer, StringComparison.Ordinal);

        var mail = await Mailbox.WaitForAsync(app.MailFolder, staff.Email);
        Assert.Contains("De link werkt 1 uur", mail.TextBody, StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        Assert.StartsWith(tenant.Path("/account/nieuw-wachtwoord"), link.AbsolutePath, StringComparison.Ordinal);
        var token = QueryHelpers.ParseQuery(link.Query)["token"].ToString();
        Assert.NotEmpty(token);

        var person = app.Anonymous();
        var form = await person.GetStringAsync(link.PathAndQuery);
        var weak = await person.PostAsync(link.PathAndQuery, SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Password"] = "kort" }));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("niet sterk genoeg", Html.Text(await weak.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var saved = await person.PostAsync(link.PathAndQuery, SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Password"] = NewPassword }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var back = saved.Headers.Location!.OriginalString;
        Assert.Contains("/account/inloggen", back, StringComparison.Ordinal);
        Assert.Contains("Uw nieuwe wachtwoord is opgeslagen", Html.Text(await person.GetStringAsync(back)), StringComparison.Ordinal);
        // Setting the password did not sign the person in.
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync(tenant.Path("/postvak"))).StatusCode);

        // The link works once.
        var again = await person.PostAsync(link.PathAndQuery, SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Password"] = NewPassword + "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Deze link werkt niet meer", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The session that was open ends; the old password no longer works.
        var ended = await staff.Client.GetAsync(tenant.Path("/postvak"));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("/account/inloggen", ended.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var old = await PasswordStepAsync(app.Anonymous(), tenant, staff.Email, SteunpuntApp.Password);
        Assert.Equal(HttpStatusCode.OK, old.Response.StatusCode);
        Assert.Contains("Inloggen lukt niet", Html.Text(await old.Response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The new password leads to the code from the app (not to setting up two steps again), and only then inside.
        var fresh = await PasswordStepAsync(app.Anonymous(), tenant, staff.Email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, fresh.Response.StatusCode);
        var step = fresh.Response.Headers.Location!.OriginalString;
        Assert.Contains("/account/tweestaps", step, StringComparison.Ordinal);
        Assert.DoesNotContain("instellen", step, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.Client.GetAsync(tenant.Path("/postvak"))).StatusCode);
        var stepPage = await fresh.Client.GetStringAsync(step);
        var inside = await fresh.Client.PostAsync(step, SteunpuntApp.FormFrom(stepPage, ("Code", SteunpuntApp.NextCodeFor(staff.Key))));
        Assert.Equal(HttpStatusCode.Redirect, inside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Client.GetAsync(tenant.Path("/postvak"))).StatusCode);

        // Neither the address nor the token went into the logs.
        Assert.DoesNotContain(app.Logs.Messages, m => m.Contains(staff.Email, StringComparison.OrdinalIgnoreCase) || m.Contains(token, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_unknown_or_locked_address_gets_the_same_answer_and_no_mail(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var known = await app.CreateAccountAsync(tenant, "Bekend", Policies.Staff);
        await TwoStepsOnAsync(app, known);
        var locked = await app.CreateAccountAsync(tenant, "Weg", Policies.Staff);
        await TwoStepsOnAsync(app, locked);
        await LockAsync(app, locked);
        var unknown = $"onbekend-{Guid.NewGuid():N}@voorbeeld.nl";
        var queued = await MailCountAsync(app);

        var forUnknown = await AskForLinkAsync(app.Anonymous(), tenant.Path("/account/wachtwoord-vergeten"), unknown);
        var forLocked = await AskForLinkAsync(app.Anonymous(), tenant.Path("/account/wachtwoord-vergeten"), locked);
        Assert.Equal(queued, await MailCountAsync(app));

        var forKnown = await AskForLinkAsync(app.Anonymous(), tenant.Path("/account/wachtwoord-vergeten"), known);
        Assert.Equal(queued + 1, await MailCountAsync(app));
        Assert.Equal(forKnown, forUnknown);
        Assert.Equal(forKnown, forLocked);

        // A link mailed before the account was locked no longer works either.
        var mail = await Mailbox.WaitForAsync(app.MailFolder, known);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(link.PathAndQuery)).StatusCode);
        await LockAsync(app, known);
        var refused = await app.Anonymous().GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Deze link werkt niet meer", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_account_without_two_steps_gets_no_link_and_is_sent_to_the_coordinator(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        // Invited but never signed in, or the coordinator reset the two steps: the link alone would open the account.
        var email = await app.CreateAccountAsync(tenant, "Zonder app", Policies.Staff);
        var known = await app.CreateAccountAsync(tenant, "Met app", Policies.Staff);
        await TwoStepsOnAsync(app, known);

        var answer = await AskForLinkAsync(app.Anonymous(), tenant.Path("/account/wachtwoord-vergeten"), email);
        Assert.Equal(await AskForLinkAsync(app.Anonymous(), tenant.Path("/account/wachtwoord-vergeten"), known), answer);
        var mail = await Mailbox.WaitForAsync(app.MailFolder, email);
        Assert.Contains("Vraag de coördinator van uw steunpunt om u opnieuw uit te nodigen.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotMatch(LinkPattern(), mail.TextBody ?? "");
        Assert.Matches(LinkPattern(), (await Mailbox.WaitForAsync(app.MailFolder, known)).TextBody ?? "");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_link_older_than_an_hour_is_refused_and_offers_a_new_one(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var email = await app.CreateAccountAsync(tenant, "Laat", Policies.Editor);
        await TwoStepsOnAsync(app, email);
        await AskForLinkAsync(app.Anonymous(), tenant.Path("/account/wachtwoord-vergeten"), email);
        var mail = await Mailbox.WaitForAsync(app.MailFolder, email);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        var person = app.Anonymous();
        try
        {
            app.Clock.Offset = TimeSpan.FromMinutes(59);
            var form = await person.GetStringAsync(link.PathAndQuery);
            Assert.Contains("Wachtwoord opslaan", form, StringComparison.Ordinal);

            app.Clock.Offset = TimeSpan.FromMinutes(61);
            var expired = await person.GetAsync(link.PathAndQuery);
            Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
            var page = await expired.Content.ReadAsStringAsync();
            Assert.Contains("Deze link werkt niet meer", Html.Text(page), StringComparison.Ordinal);
            Assert.Contains($"href=\"{tenant.Path("/account/wachtwoord-vergeten")}\"", page, StringComparison.Ordinal);
            var late = await person.PostAsync(link.PathAndQuery, SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Password"] = NewPassword }));
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
        Assert.True(await PasswordIsAsync(app, email, SteunpuntApp.Password), "The password changed through an expired link.");
    }

    /// <summary>Opens the form, sends the address and follows the redirect; returns the text of the answer.</summary>
    private static async Task<string> AskForLinkAsync(HttpClient client, string formPath, string email)
    {
        var form = await client.GetStringAsync(formPath);
        var sent = await client.PostAsync(formPath, SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Input.Email"] = email }));
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, Html.Text(await sent.Content.ReadAsStringAsync()));
        return Html.Text(Html.MainOf(await client.GetStringAsync(sent.Headers.Location!.OriginalString)));
    }

    private static async Task<(HttpClient Client, HttpResponseMessage Response)> PasswordStepAsync(HttpClient client, TestTenant tenant, string email, string password)
    {
        var login = await client.GetStringAsync(tenant.Path("/account/inloggen"));
        return (client, await client.PostAsync(tenant.Path("/account/inloggen"), SteunpuntApp.FormFrom(login, ("Input.Email", email), ("Input.Password", password))));
    }

    private static Task<int> MailCountAsync(SteunpuntApp app) => app.WithDbAsync(null, db => db.Set<Steunpunt.Web.Mail.OutgoingMail>().CountAsync());

    /// <summary>The account has its second step set up, as after its first sign-in.</summary>
    private static async Task TwoStepsOnAsync(SteunpuntApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SteunpuntUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        await users.ResetAuthenticatorKeyAsync(user);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
    }

    /// <summary>Locks the account for good, as removing a steunpunt does.</summary>
    private static async Task LockAsync(SteunpuntApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SteunpuntUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
    }

    private static async Task<bool> PasswordIsAsync(SteunpuntApp app, string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SteunpuntUser>>();
        return await users.FindByEmailAsync(email) is { } user && await users.CheckPasswordAsync(user, password);
    }

    [GeneratedRegex("<a href=\"([^\"]+)\">Wachtwoord vergeten\\?</a>")]
    private static partial Regex ForgotLinkPattern();

    [GeneratedRegex(@"https?://\S+nieuw-wachtwoord\S+")]
    private static partial Regex LinkPattern();
}
