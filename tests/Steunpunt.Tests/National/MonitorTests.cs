using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Questions;
using Steunpunt.Signals.Reports;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.National;

/// <summary>The national monitor: its figures equal a hand count, small counts are hidden, and only landelijk beheer
/// and the ministry read it, without ever reading a case. One test per database, so the monitor (which spans every
/// steunpunt) sees only what this test made.</summary>
public sealed class MonitorTests(Apps apps) : IClassFixture<Apps>
{
    private const string Secret = "Mijn dochter Fleur zit al weken thuis";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_monitor_equals_a_hand_count_and_only_beheer_and_the_ministry_read_it(string provider)
    {
        var app = await apps.ForAsync(provider);
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(null, async db =>
        {
            db.RegisterSwvs.AddRange(
                new RegisterSwv { Code = "PO 30.02", Name = "SWV PO West-Brabant", Sector = Sector.PO },
                new RegisterSwv { Code = "VO 30.02", Name = "SWV VO West-Brabant", Sector = Sector.VO },
                new RegisterSwv { Code = "PO 27.01", Name = "SWV PO Noord", Sector = Sector.PO },
                new RegisterSwv { Code = "PO 20.01", Name = "SWV PO Stad", Sector = Sector.PO },
                new RegisterSwv { Code = "PO 20.02", Name = "SWV PO Opgeheven", Sector = Sector.PO, ClosedAt = now.AddYears(-1) });
            db.RegisterSchools.AddRange(
                new RegisterSchool { Brin = "01AA", Vestiging = "00", Name = "De Wilg", SwvCode = "PO 30.02", Pupils = 1200 },
                new RegisterSchool { Brin = "01AB", Vestiging = "00", Name = "De Eik", SwvCode = "PO 30.02", Pupils = 800 },
                new RegisterSchool { Brin = "01AC", Vestiging = "00", Name = "Het College", SwvCode = "VO 30.02", Pupils = 3000 });
            await db.SaveChangesAsync();
        });
        var live = await app.CreateTenantAsync("Steunpunt West-Brabant");
        var building = await app.CreateTenantAsync("Steunpunt Noord");
        Guid po = default, vo = default;
        await app.WithDbAsync(live.Id, async db =>
        {
            var partnership = await db.Set<Partnership>().SingleAsync();
            (partnership.Code, partnership.Name, po) = ("PO 30.02", "SWV PO West-Brabant", partnership.Id);
            var second = new Partnership { Code = "VO 30.02", Name = "SWV VO West-Brabant", Sector = Sector.VO };
            db.Set<Partnership>().Add(second);
            vo = second.Id;
            SupportCase Case(Sector sector, Channel channel, bool? onTime, string name = "") =>
                new() { ReceivedAt = now.AddDays(-20), Sector = sector, Channel = channel, ContactWay = ContactWay.Email, ContactName = name, AnsweredOnTime = onTime, LastActivityAt = now };
            db.Cases.AddRange(
                Case(Sector.PO, Channel.Formulier, true, "Fleur de Vries"), Case(Sector.PO, Channel.Formulier, true), Case(Sector.PO, Channel.Formulier, true),
                Case(Sector.PO, Channel.Formulier, true), Case(Sector.PO, Channel.Formulier, true), Case(Sector.PO, Channel.Formulier, false),
                Case(Sector.VO, Channel.Telefoon, null), Case(Sector.VO, Channel.Telefoon, null),
                Case(Sector.Onbekend, Channel.Telefoon, null));
            db.BoardReportReleases.Add(new BoardReportRelease { PartnershipId = partnership.Id, PeriodKey = "2026-Q3", PublishedAt = now, PublishedBy = "Coördinator" });
            db.Set<Steunpunt.National.Leidraad.LeidraadItem>().Add(new() { Code = "A1", Status = Steunpunt.National.Leidraad.LeidraadStatus.OpOrde });
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(building.Id, async db =>
        {
            (await db.Set<Partnership>().SingleAsync()).Code = "PO 27.01";
            (await db.Tenants.SingleAsync(t => t.Id == building.Id)).InOprichting = true;
            await db.SaveChangesAsync();
        });
        await app.AskQuestionAsync(live, Secret);

        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        var ministry = await app.SignInAsync(await app.CreateAccountAsync(null, "Ministerie", Policies.Ministry), null);
        var html = await ministry.GetStringAsync("/beheer/monitor");
        // The same monitor for both (their work menus differ by role).
        Assert.Equal(Html.MainOf(html), Html.MainOf(await admin.GetStringAsync("/beheer/monitor")));
        var text = System.Text.RegularExpressions.Regex.Replace(Html.Text(html), @"\s+", " ");
        var date = Dutch.Date(WorkingDays.DutchDate(now));

        // Hand count. PO 30.02: 6 PO contacts + 1 of unknown sector + the form question asked above (sector unknown)
        // = 8; 8 per 2 000 pupils = 4,0; 5 of the 6 answered form questions on time = 83%; a report this school year.
        // Leidraad: A1 saved, and the app's A7 and A17. VO 30.02: 2 + 2 = 4 contacts, shown as <5, no rate.
        Assert.Contains($"PO 30.02 SWV PO West-Brabant Steunpunt West-Brabant (werkt) 3 8 4,0 83% ja, {date}", text, StringComparison.Ordinal);
        Assert.Contains("VO 30.02 SWV VO West-Brabant Steunpunt West-Brabant (werkt) 3 <5 nog niet", text, StringComparison.Ordinal);
        Assert.Contains("PO 27.01 SWV PO Noord Steunpunt Noord (in oprichting) 1 0 nog niet", text, StringComparison.Ordinal);
        Assert.Contains("PO 20.01 SWV PO Stad geen steunpunt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Opgeheven", text, StringComparison.Ordinal);
        Assert.Contains("2 van de 4 samenwerkingsverbanden hebben een steunpunt dat werkt. In oprichting: 1. Nog geen steunpunt: 1.", text, StringComparison.Ordinal);
        Assert.Contains("Noord-Brabant 2 van 2 werkt", text, StringComparison.Ordinal);
        Assert.Contains("Groningen 0 van 1 werkt", text, StringComparison.Ordinal);
        Assert.Contains("Noord-Holland 0 van 1 werkt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fleur", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);

        var csv = await ministry.GetAsync("/beheer/monitor?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("SWV-code;Samenwerkingsverband;Sector;Provincie;Steunpunt;Stand;", lines[0], StringComparison.Ordinal);
        Assert.Contains($"PO 30.02;SWV PO West-Brabant;PO;Noord-Brabant;Steunpunt West-Brabant;werkt;3;8;4,0;83%;{WorkingDays.DutchDate(now):yyyy-MM-dd}", lines);
        Assert.Contains("VO 30.02;SWV VO West-Brabant;VO;Noord-Brabant;Steunpunt West-Brabant;werkt;3;<5;;;nee", lines);
        Assert.Contains("PO 20.01;SWV PO Stad;PO;Groningen;;geen steunpunt;;;;;nee", lines);

        // Nobody else reads it: not a steunpunt's staff, coordinator, editor or board, not the national editor, not
        // without the second step, and not on a steunpunt's own address.
        var refused = new List<(string Name, HttpClient Client)>
        {
            ("anonymous", app.Anonymous()),
            ("national editor", await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null)),
            ("staff", (await app.SignInAsStaffAsync(live)).Client),
            ("coordinator", (await app.SignInAsStaffAsync(live, roles: [Policies.Staff, Policies.Coordinator])).Client),
            ("editor", await app.SignInAsync(await app.CreateAccountAsync(live, "Redacteur", Policies.Editor), live)),
            ("board member", await app.SignInAsync(await app.CreateAccountAsync(live, "Bestuurder", Policies.Board), live)),
        };
        var failures = new List<string>();
        foreach (var (name, client) in refused)
        {
            foreach (var path in new[] { "/beheer/monitor", "/beheer/monitor?handler=Csv", live.Path("/beheer/monitor") })
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK || body.Contains("PO 30.02", StringComparison.Ordinal))
                {
                    failures.Add($"{name} GET {path}: {(int)response.StatusCode}");
                }
            }
        }
        foreach (var (name, client) in new[] { ("ministry", ministry), ("administrator", admin) })
        {
            using var response = await client.GetAsync(live.Path("/beheer/monitor"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                failures.Add($"{name} on a steunpunt's address: 200");
            }
        }
        // On a steunpunt's own address the national pages do not exist at all, whoever asks.
        foreach (var (name, client) in new[] { ("anonymous", app.Anonymous()), ("administrator", admin), ("ministry", ministry) })
        {
            foreach (var path in new[] { "/beheer/monitor", "/beheer/team", "/beheer/steunpunten", "/beheer/registers", $"/beheer/steunpunt/{live.Id}/opheffen" })
            {
                using var response = await client.GetAsync(live.Path(path));
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{name} GET {live.Path(path)}: {(int)response.StatusCode}, not 404");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(6, refused.Count);
    }
}
