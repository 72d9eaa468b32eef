using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Accounts;
using Steunpunt.Questions;
using Steunpunt.Stories;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Accounts;

/// <summary>Sign-in and sessions: a session ends the moment the account says so, a code works once, the sign-in
/// page does not tell which addresses exist, every role signs in with two steps, and no signed-in page is cached.</summary>
public sealed class SessionTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Signing_out_or_a_reset_of_the_two_steps_ends_every_session_at_once(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.AskQuestionAsync(tenant, "Een vraag die alleen medewerkers lezen.");
        var caseId = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Id).SingleAsync());
        var casePage = tenant.Path($"/postvak/zaak/{caseId}");

        // One staff member on two devices; signing out on the laptop ends the session on the phone too.
        var laptop = await app.SignInAsStaffAsync(tenant);
        var phone = await app.SignInAsStaffAsync(tenant, laptop.Email);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync(casePage)).StatusCode);
        var form = await laptop.Client.GetStringAsync(tenant.Path("/account/uitloggen"));
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.Client.PostAsync(tenant.Path("/account/uitloggen"), SteunpuntApp.FormFrom(form))).StatusCode);
        AssertSentToSignIn(await phone.Client.GetAsync(casePage));

        // A coordinator resets a colleague's two steps (a lost phone): the colleague's open session ends at once.
        var coordinator = await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator]);
        var colleague = await app.SignInAsStaffAsync(tenant);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.GetAsync(casePage)).StatusCode);
        var team = await coordinator.Client.GetStringAsync(tenant.Path("/postvak/team"));
        var id = await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == colleague.Email).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.Client.PostAsync(tenant.Path($"/postvak/team?handler=ResetTwoStep&id={id}"), SteunpuntApp.FormFrom(team))).StatusCode);
        AssertSentToSignIn(await colleague.Client.GetAsync(casePage));
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/inloggen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_authenticator_code_is_accepted_once(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignInAsStaffAsync(tenant);

        // Someone who saw a code as it was typed tries it right after, within its 30 seconds.
        var code = SteunpuntApp.NextCodeFor(staff.Key);
        var used = await SecondStepAsync(app, tenant, staff.Email, code);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        var again = await SecondStepAsync(app, tenant, staff.Email, code);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("al gebruikt", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SecondStepAsync(SteunpuntApp app, TestTenant tenant, string email, string code)
    {
        var client = app.CookieClient();
        var login = await client.GetStringAsync(tenant.Path("/account/inloggen"));
        var first = await client.PostAsync(tenant.Path("/account/inloggen"), SteunpuntApp.FormFrom(login, ("Input.Email", email), ("Input.Password", SteunpuntApp.Password)));
        Assert.Contains("/account/tweestaps", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var step = await client.GetStringAsync(first.Headers.Location!.OriginalString);
        return await client.PostAsync(first.Headers.Location!.OriginalString, SteunpuntApp.FormFrom(step, ("Code", code)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_sign_in_page_does_not_tell_which_addresses_have_an_account(string provider)
    {
        // The timing below compares password checks as the app as deployed does them.
        await using var app = await SteunpuntApp.StartAsync(provider, productionPasswordHashing: true);
        var tenant = await app.CreateTenantAsync();
        var known = await app.CreateAccountAsync(tenant, "Bekend", Policies.Staff);
        var locked = await app.CreateAccountAsync(tenant, "Vergrendeld", Policies.Staff);
        for (var i = 0; i < 5; i++)
        {
            await AttemptAsync(app, tenant, locked, "verkeerd-wachtwoord");
        }

        var unknown = await AttemptAsync(app, tenant, $"niemand-{Guid.NewGuid():N}@voorbeeld.nl", "verkeerd-wachtwoord");
        var wrong = await AttemptAsync(app, tenant, known, "verkeerd-wachtwoord");
        var lockedOut = await AttemptAsync(app, tenant, locked, SteunpuntApp.Password);
        Assert.Equal(unknown.Message, wrong.Message);
        Assert.Equal(unknown.Message, lockedOut.Message);
        // The message names the real waiting time of a lockout.
        var minutes = (int)app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
        Assert.Contains($"{minutes} minuten", unknown.Message, StringComparison.Ordinal);

        // An unknown address costs a password check too: timed over several tries, it is not an order of magnitude
        // quicker (it was about 20 times quicker before: 14 ms against 300 ms).
        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            unknownTimes.Add((await AttemptAsync(app, tenant, $"niemand-{i}@voorbeeld.nl", "verkeerd-wachtwoord")).Milliseconds);
            knownTimes.Add((await AttemptAsync(app, tenant, known, "verkeerd-wachtwoord" + i)).Milliseconds);
        }
        var (u, k) = (unknownTimes.Order().ElementAt(3), knownTimes.Order().ElementAt(3));
        Assert.True(u >= k * 0.4, $"An unknown address answered in {u:F0} ms, a known one in {k:F0} ms.");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Passwords_are_stored_with_the_work_factor_of_the_app_as_deployed(string provider)
    {
        // Test apps hash with fewer rounds (SteunpuntApp.TestPasswordRounds); this app keeps the app's own settings.
        await using var app = await SteunpuntApp.StartAsync(provider, productionPasswordHashing: true);
        var tenant = await app.CreateTenantAsync();
        var email = await app.CreateAccountAsync(tenant, "Hasj", Policies.Staff);
        var stored = await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());

        // ASP.NET Core Identity's version 3 format: a 0x01 marker, then big-endian the PRF, the rounds and the salt size.
        var hash = Convert.FromBase64String(stored!);
        Assert.Equal(0x01, hash[0]);
        var prf = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1));
        var rounds = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5));
        Assert.Equal((uint)KeyDerivationPrf.HMACSHA512, prf);
        Assert.True(rounds >= 100_000, $"Passwords are hashed with {rounds} rounds of PBKDF2.");
        Assert.True(rounds > SteunpuntApp.TestPasswordRounds, "The app as deployed hashes like a test app.");
    }

    private static async Task<(string Message, double Milliseconds)> AttemptAsync(SteunpuntApp app, TestTenant tenant, string email, string password)
    {
        var client = app.Anonymous();
        var login = await client.GetStringAsync(tenant.Path("/account/inloggen"));
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync(tenant.Path("/account/inloggen"), SteunpuntApp.FormFrom(login, ("Input.Email", email), ("Input.Password", password)));
        var html = await response.Content.ReadAsStringAsync();
        clock.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var start = html.IndexOf("error-summary", StringComparison.Ordinal);
        Assert.True(start > 0, "The sign-in page shows no message.");
        var summary = Html.Text(html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)]);
        return (string.Join(' ', summary.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), clock.Elapsed.TotalMilliseconds);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Editors_board_members_and_national_editors_sign_in_with_two_steps_too(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var swv = await app.WithDbAsync(tenant.Id, db => db.Set<Steunpunt.Tenancy.Partnership>().Select(p => p.Id).FirstAsync());
        var board = await app.CreateAccountAsync(tenant, "Bestuurder", Policies.Board);
        await app.WithDbAsync(null, async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == board)).PartnershipId = swv;
            await db.SaveChangesAsync();
        });
        var accounts = new (string Email, string Prefix, string Page)[]
        {
            (await app.CreateAccountAsync(tenant, "Redacteur", Policies.Editor), tenant.Path(""), tenant.Path("/beheer")),
            (board, tenant.Path(""), tenant.Path("/rapportage")),
            (await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), "", "/beheer"),
        };
        foreach (var (email, prefix, page) in accounts)
        {
            // The password alone: sent to set up the second step, also when going straight to their page.
            var client = app.CookieClient();
            var login = await client.GetStringAsync($"{prefix}/account/inloggen");
            var first = await client.PostAsync($"{prefix}/account/inloggen", SteunpuntApp.FormFrom(login, ("Input.Email", email), ("Input.Password", SteunpuntApp.Password)));
            Assert.Contains("/account/tweestaps-instellen", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var direct = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
            Assert.Contains("/account/tweestaps-instellen", direct.Headers.Location!.OriginalString, StringComparison.Ordinal);

            // With both steps: their page, never cached.
            var signedIn = app.CookieClient();
            await SteunpuntApp.SignInWithTwoStepsAsync(signedIn, prefix, email);
            var response = await signedIn.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, page);
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task No_signed_in_page_is_cached(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var teller = app.Anonymous();
        var storyForm = await teller.GetStringAsync(tenant.Path("/vertel"));
        await teller.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(storyForm, Steunpunt.Tests.Stories.TellingTests.StoryFields("Een verhaal")));
        var storyId = await app.WithDbAsync(tenant.Id, db => db.Stories.Select(s => s.Id).SingleAsync());
        var coordinator = await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator]);
        var pages = new[]
        {
            "/postvak", "/postvak/logboek", $"/postvak/verhalen/{storyId}", "/postvak/verhalen", "/postvak/signalen", "/postvak/team",
            "/rapportage", "/rapportage/signalen", "/postvak/nieuw-contact", "/account/uitloggen", "/", "/informatie/leerplicht",
        };
        var cached = new List<string>();
        foreach (var page in pages)
        {
            var response = await coordinator.Client.GetAsync(tenant.Path(page));
            if (response.Headers.CacheControl?.NoStore != true)
            {
                cached.Add($"{page} ({(int)response.StatusCode}: {response.Headers.CacheControl})");
            }
        }
        Assert.Empty(cached);
    }
}
