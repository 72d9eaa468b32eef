using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Questions;
using Steunpunt.Stories;
using Steunpunt.Tests.Infrastructure;
using Steunpunt.Tests.Signals;

namespace Steunpunt.Tests.Security;

/// <summary>
/// Signaleren, route by route: a board member reads their own SWV's report and signal register, and nothing else:
/// not the other SWV's report, not the stories (unredacted), not the staff register, not a case. Editors, national
/// roles and other steunpunten's staff read none of it.
/// </summary>
public sealed class SignalRoleBoundaryTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Board_members_see_their_own_SWVs_aggregates_and_never_a_case_or_an_unredacted_story(string provider)
    {
        var app = await apps.ForAsync(provider);
        var (tenant, po, vo) = await BoardReportTests.SeedFixtureAsync(app);
        var other = await app.CreateTenantAsync();
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Stories.Add(new Story { ReceivedAt = DateTimeOffset.UtcNow, Moment = "Onbewerkt verhaal met Annemiek", Teller = Teller.Ouder });
            db.Set<Steunpunt.Signals.Signal>().Add(new Steunpunt.Signals.Signal { Title = "Signaal voor VO", PartnershipId = vo });
            db.Set<Steunpunt.Signals.Signal>().Add(new Steunpunt.Signals.Signal { Title = "Signaal voor iedereen" });
            await db.SaveChangesAsync();
        });
        var storyId = await app.WithDbAsync(tenant.Id, db => db.Stories.Select(s => s.Id).SingleAsync());
        var caseId = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Id).FirstAsync());
        var signalId = await app.WithDbAsync(tenant.Id, db => db.Set<Steunpunt.Signals.Signal>().Select(s => s.Id).FirstAsync());

        var board = await app.SignInAsync(await BoardReportTests.BoardMemberAsync(app, tenant, po), tenant);
        await BoardReportTests.PublishAsync(app, tenant, po, "2026-K3");

        // What the board member may read.
        var report = await board.GetAsync(tenant.Path("/rapportage?periode=2026-K3"));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains($"SWV PO {tenant.Slug}", Html.Text(await report.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var register = Html.Text(await board.GetStringAsync(tenant.Path("/rapportage/signalen")));
        Assert.Contains("Signaal voor iedereen", register, StringComparison.Ordinal);
        Assert.DoesNotContain("Signaal voor VO", register, StringComparison.Ordinal);
        Assert.DoesNotContain("0 contacten", register, StringComparison.Ordinal); // counts only in a published report

        // What no one but staff may read, walked by every role.
        string[] staffOnly =
        [
            $"/rapportage?swv={vo}", "/postvak", $"/postvak/zaak/{caseId}", "/postvak/verhalen", $"/postvak/verhalen/{storyId}",
            "/postvak/signalen", $"/postvak/signalen/{signalId}",
        ];
        var roles = new List<(string Name, HttpClient Client)>
        {
            ("board member", board),
            ("editor", await app.SignInAsync(await app.CreateAccountAsync(tenant, "Redacteur", Policies.Editor), tenant)),
            ("national editor", await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null)),
            ("national administrator", await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null)),
            ("ministry", await app.SignInAsync(await app.CreateAccountAsync(null, "Ministerie", Policies.Ministry), null)),
            ("expert", await app.SignInAsync(await app.CreateAccountAsync(null, "Expert", Policies.Expert), null)),
            ("staff of another steunpunt", (await app.SignInAsStaffAsync(other)).Client),
        };
        var failures = new List<string>();
        foreach (var (name, client) in roles)
        {
            foreach (var path in staffOnly.Concat(name == "board member" ? [] : ["/rapportage", "/rapportage/signalen"]))
            {
                using var response = await client.GetAsync(tenant.Path(path));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.NotFound || body.Contains("Annemiek", StringComparison.Ordinal))
                {
                    failures.Add($"{name} GET {path}: {(int)response.StatusCode}");
                }
            }
            var token = SteunpuntApp.AntiforgeryToken(await client.GetStringAsync(tenant.Path("/account/inloggen")));
            using var post = await client.PostAsync(tenant.Path($"/postvak/verhalen/{storyId}"),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Parts[0]"] = "x" }));
            if (post.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{name} POST story review: {(int)post.StatusCode}");
            }
        }
        Assert.Empty(failures);
        Assert.Null(await app.WithDbAsync(tenant.Id, db => db.Stories.Select(s => s.ReviewedAt).SingleAsync()));

        // Staff do reach all of it.
        var staff = await app.SignInAsStaffAsync(tenant);
        foreach (var path in staffOnly)
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.Client.GetAsync(tenant.Path(path))).StatusCode);
        }
    }
}
