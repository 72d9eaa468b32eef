using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.National;

/// <summary>
/// Landelijk beheer sets up a steunpunt without SQL: it starts in oprichting (invisible to visitors and the finder,
/// open to its own team), the first coordinator is invited by mail, says when it is ready, and the administrator
/// takes it live.
/// </summary>
public sealed partial class SteunpuntSetupTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_administrator_sets_up_a_steunpunt_that_goes_live_when_its_coordinator_and_the_administrator_say_so(string provider)
    {
        var app = await apps.ForAsync(provider);
        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        var slug = $"zuidkust-{Guid.NewGuid():N}"[..20];
        var gemeente = $"Zandmeer{Guid.NewGuid():N}"[..16];

        // Wrong input: plain Dutch per field, and what was typed stays.
        var form = await admin.GetStringAsync("/beheer/steunpunt");
        var bad = await admin.PostAsync("/beheer/steunpunt", SteunpuntApp.FormFrom(form,
            ("Input.Name", "Steunpunt Zuidkust"), ("Input.Slug", "beheer"), ("Input.Hosts", "https://zuidkust"),
            ("Input.Partnerships", "PO 40.01 Samenwerkingsverband Zuidkust"), ("Input.Gemeenten", gemeente)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        var badText = Html.Text(badHtml);
        Assert.Contains("‘beheer’ is al een deel van de website", badText, StringComparison.Ordinal);
        Assert.Contains("is geen domeinnaam", badText, StringComparison.Ordinal);
        Assert.Contains("Regel 1 klopt niet", badText, StringComparison.Ordinal);
        Assert.Contains("PO 40.01 Samenwerkingsverband Zuidkust", badHtml, StringComparison.Ordinal);
        Assert.Contains(gemeente, badHtml, StringComparison.Ordinal);

        var created = await admin.PostAsync("/beheer/steunpunt", SteunpuntApp.FormFrom(form,
            ("Input.Name", "Steunpunt Zuidkust"), ("Input.Slug", slug), ("Input.Hosts", ""),
            ("Input.Partnerships", "PO 40.01; Samenwerkingsverband Zuidkust PO\nvo 40.02 ; Samenwerkingsverband Zuidkust VO"),
            ("Input.Gemeenten", $"{gemeente}\nStrandhoek"), ("Input.Email", "info@zuidkust.example")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var tenant = await app.WithDbAsync(null, db => db.Tenants.Include(t => t.Partnerships).Include(t => t.Gemeenten)
            .IgnoreQueryFilters([Steunpunt.Data.SteunpuntDb.TenantFilter]).SingleAsync(t => t.Slug == slug));
        Assert.True(tenant.InOprichting);
        Assert.Equal([("PO 40.01", Sector.PO), ("VO 40.02", Sector.VO)], tenant.Partnerships.OrderBy(p => p.Code).Select(p => (p.Code!, p.Sector)));
        Assert.Equal(["Strandhoek", gemeente], tenant.Gemeenten.Select(g => g.Name).Order(StringComparer.Ordinal));
        var site = new TestTenant(tenant.Id, slug, tenant.Name);

        // In oprichting: not there for visitors, not in the finder or the list; the sign-in is open.
        var visitor = app.Anonymous();
        var hiddenHome = await visitor.GetAsync(site.Path("/"));
        Assert.Equal(HttpStatusCode.NotFound, hiddenHome.StatusCode);
        Assert.DoesNotContain("Zuidkust", await hiddenHome.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(site.Path("/vraag-stellen"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(site.Path("/account/inloggen"))).StatusCode);
        Assert.DoesNotContain("Steunpunt Zuidkust", await visitor.GetStringAsync($"/?zoek={gemeente}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Steunpunt Zuidkust", await visitor.GetStringAsync("/steunpunten"), StringComparison.Ordinal);

        // The first coordinator is invited; the link is on the new steunpunt's address.
        var editPage = $"/beheer/steunpunt/{tenant.Id}";
        var page = await admin.GetStringAsync(editPage);
        var coordinatorEmail = $"coordinator-{Guid.NewGuid():N}@zuidkust.example";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"{editPage}?handler=Invite",
            SteunpuntApp.FormFrom(page, ("Coordinator.Name", "Coco"), ("Coordinator.Email", coordinatorEmail)))).StatusCode);
        var mail = await Mailbox.WaitForAsync(app.MailFolder, coordinatorEmail);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        Assert.StartsWith($"/{slug}/account/wachtwoord-instellen", link.PathAndQuery, StringComparison.Ordinal);
        var newcomer = app.Anonymous();
        var setForm = await newcomer.GetStringAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.PostAsync(link.PathAndQuery,
            SteunpuntApp.FormWithHidden(setForm, new Dictionary<string, string> { ["Password"] = SteunpuntApp.Password }))).StatusCode);

        // The coordinator signs in with two steps, sees the site, and says it is ready.
        var coordinator = await app.SignInAsStaffAsync(site, coordinatorEmail);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.GetAsync(site.Path("/"))).StatusCode);
        var team = await coordinator.Client.GetStringAsync(site.Path("/postvak/team"));
        Assert.Contains("Jullie steunpunt is in oprichting", Html.Text(team), StringComparison.Ordinal);

        // Live needs the coordinator first: before, the administrator's button does nothing.
        page = await admin.GetStringAsync(editPage);
        Assert.DoesNotContain("Zet het steunpunt live", Html.Text(page), StringComparison.Ordinal);
        await admin.PostAsync($"{editPage}?handler=Live", SteunpuntApp.FormFrom(page));
        Assert.True(await app.WithDbAsync(null, db => db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.InOprichting).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.Client.PostAsync(site.Path("/postvak/team?handler=Ready"), SteunpuntApp.FormFrom(team))).StatusCode);
        page = await admin.GetStringAsync(editPage);
        Assert.Contains("Zet het steunpunt live", Html.Text(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"{editPage}?handler=Live", SteunpuntApp.FormFrom(page))).StatusCode);

        // Live: landelijk beheer adds nobody to its team any more (they could read its cases).
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{editPage}?handler=Invite",
            SteunpuntApp.FormFrom(page, ("Coordinator.Name", "Indringer"), ("Coordinator.Email", $"x-{Guid.NewGuid():N}@example.org")))).StatusCode);
        // An SWV has one steunpunt.
        form = await admin.GetStringAsync("/beheer/steunpunt");
        var twice = await admin.PostAsync("/beheer/steunpunt", SteunpuntApp.FormFrom(form,
            ("Input.Name", "Steunpunt Dubbel"), ("Input.Slug", $"dubbel-{Guid.NewGuid():N}"[..14]), ("Input.Partnerships", "PO 40.01; Nog een keer")));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("PO 40.01 hoort al bij een ander steunpunt", Html.Text(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Live: visitors find it by gemeente and in the list.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(site.Path("/"))).StatusCode);
        Assert.Contains("Steunpunt Zuidkust", await visitor.GetStringAsync($"/?zoek={gemeente}"), StringComparison.Ordinal);
        Assert.Contains("Steunpunt Zuidkust", await visitor.GetStringAsync("/steunpunten"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_the_national_administrator_on_the_national_site_reaches_steunpunt_setup(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/beheer/steunpunten")).StatusCode);

        var others = new List<(string Name, HttpClient Client, string Prefix)>
        {
            ("anonymous", app.Anonymous(), ""),
            ("national editor", await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null), ""),
            ("editor of a steunpunt", await app.SignInAsync(await app.CreateAccountAsync(tenant, "Redacteur", Policies.Editor), tenant), "/" + tenant.Slug),
            ("coordinator of a steunpunt", (await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator])).Client, "/" + tenant.Slug),
            ("board member", await app.SignInAsync(await app.CreateAccountAsync(tenant, "Bestuurder", Policies.Board), tenant), "/" + tenant.Slug),
            ("the administrator on a steunpunt's site", admin, "/" + tenant.Slug),
        };
        var failures = new List<string>();
        foreach (var (name, client, prefix) in others)
        {
            foreach (var path in new[] { "/beheer/steunpunten", "/beheer/steunpunt", $"/beheer/steunpunt/{tenant.Id}", "/beheer/registers" })
            {
                using var response = await client.GetAsync(prefix + path);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && (body.Contains("Steunpunten beheren", StringComparison.Ordinal) || body.Contains("Nieuw steunpunt", StringComparison.Ordinal) || body.Contains("Registers van DUO", StringComparison.Ordinal)))
                {
                    failures.Add($"{name} reached {prefix}{path}");
                }
                else if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                {
                    failures.Add($"{name} {prefix}{path}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_steunpunt_made_from_DUOs_registers_takes_the_SWV_names_and_gemeenten_and_is_found_by_postcode_once_live(string provider)
    {
        var app = await apps.ForAsync(provider);
        var code = $"PO {Random.Shared.Next(50, 99)}.{Random.Shared.Next(10, 99)}";
        var postcode = $"{Random.Shared.Next(5000, 9999)}";
        await app.WithDbAsync(null, async db =>
        {
            db.RegisterSwvs.Add(new RegisterSwv { Code = code, Name = "Samenwerkingsverband Polderland PO", Sector = Sector.PO });
            db.RegisterSchools.Add(new RegisterSchool
            {
                Brin = "88ZZ",
                Vestiging = "00",
                Name = "De Polderschool",
                Place = "POLDERDORP",
                Postcode = $"{postcode} AA",
                Gemeente = "Polderwaard",
                SwvCode = code,
                Phase = SchoolPhases.PO,
            });
            await db.SaveChangesAsync();
        });
        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        var slug = $"polder-{Guid.NewGuid():N}"[..16];
        var form = await admin.GetStringAsync("/beheer/steunpunt");
        var created = await admin.PostAsync("/beheer/steunpunt", SteunpuntApp.FormFrom(form,
            ("Input.Name", "Steunpunt Polderland"), ("Input.Slug", slug), ("Input.Partnerships", code.Replace(" ", "", StringComparison.Ordinal)), ("Input.Gemeenten", "")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var tenant = await app.WithDbAsync(null, db => db.Tenants.Include(t => t.Partnerships).Include(t => t.Gemeenten)
            .IgnoreQueryFilters([Steunpunt.Data.SteunpuntDb.TenantFilter]).SingleAsync(t => t.Slug == slug));
        Assert.Equal((code, "Samenwerkingsverband Polderland PO"), (tenant.Partnerships.Single().Code!, tenant.Partnerships.Single().Name));
        Assert.Equal(["Polderwaard"], tenant.Gemeenten.Select(g => g.Name));

        var visitor = app.Anonymous();
        Assert.DoesNotContain("Steunpunt Polderland", await visitor.GetStringAsync($"/?zoek={postcode}"), StringComparison.Ordinal);
        await app.WithDbAsync(null, async db =>
        {
            var row = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
            row.MarkReady("Coördinator", DateTimeOffset.UtcNow);
            Assert.True(row.TakeLive("Beheer", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantDirectory>().Invalidate();
        Assert.Contains("Steunpunt Polderland", await visitor.GetStringAsync($"/?zoek={postcode}"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_first_administrator_is_invited_from_configuration_without_touching_the_database(string provider)
    {
        var email = $"beheer-{Guid.NewGuid():N}@ministerie.example";
        await using var app = await SteunpuntApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Seed:AdminEmail"] = email });
        var mail = await Mailbox.WaitForAsync(app.MailFolder, email);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        Assert.StartsWith("/account/wachtwoord-instellen", link.PathAndQuery, StringComparison.Ordinal);
        var newcomer = app.Anonymous();
        var setForm = await newcomer.GetStringAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.PostAsync(link.PathAndQuery,
            SteunpuntApp.FormWithHidden(setForm, new Dictionary<string, string> { ["Password"] = SteunpuntApp.Password }))).StatusCode);
        var admin = await app.SignInAsync(email, null);
        Assert.Contains("Steunpunten beheren", await admin.GetStringAsync("/beheer/steunpunten"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
