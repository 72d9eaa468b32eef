using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.National.Leidraad;
using Steunpunt.Questions;
using Steunpunt.Signals;
using Steunpunt.Signals.Reports;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;
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
        // A fresh test steunpunt has phone, e-mail and hours (A7), which the app counts itself.
        Assert.Contains("Op orde: 1 van 17.", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("A17. Het steunpunt bereikt mensen", Html.Text(page), StringComparison.Ordinal);

        var saved = await coordinator.PostAsync(url, SteunpuntApp.FormFrom(page, ("Code", "A2"), ("Status", "OpOrde"), ("Evidence", "Verklaring op /over-ons")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await coordinator.GetStringAsync(url);
        Assert.Contains("Op orde: 2 van 17.", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("Verklaring op /over-ons", page, StringComparison.Ordinal);
        Assert.Matches("id=\"Status-A2-OpOrde\" checked", page);

        var wrong = await coordinator.PostAsync(url, SteunpuntApp.FormFrom(page, ("Code", "A11"), ("Status", "9"), ("Evidence", "Klankbordgroep komt 4 keer")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Kies bij A11 hoe ver jullie zijn.", Html.Text(wrongHtml), StringComparison.Ordinal);
        Assert.Contains("Klankbordgroep komt 4 keer", wrongHtml, StringComparison.Ordinal);

        // An item the app fills in takes a note but keeps the app's status, whatever is posted.
        Assert.DoesNotContain("Status-A7-OpOrde", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(url, SteunpuntApp.FormFrom(page, ("Code", "A8"), ("Status", "OpOrde"), ("Evidence", "Belofte staat op /contact")))).StatusCode);
        page = await coordinator.GetStringAsync(url);
        Assert.Contains("Belofte staat op /contact", page, StringComparison.Ordinal);
        Assert.Contains("Op orde: 2 van 17.", Html.Text(page), StringComparison.Ordinal);
        // Where the app only knows part of the answer, it says what it knows and the coordinator chooses.
        Assert.Contains("id=\"Status-A9-OpOrde\"", page, StringComparison.Ordinal);
        Assert.Contains("Wat de app weet: Een vraag stellen kan zonder naam", System.Text.RegularExpressions.Regex.Replace(Html.Text(page), @"\s+", " "), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync(url, SteunpuntApp.FormFrom(page, ("Code", "A99"), ("Status", "OpOrde")))).StatusCode);

        // The other steunpunt starts from nothing; staff, board, editors and the national site have no checklist.
        var otherCoordinator = (await app.SignInAsStaffAsync(other, roles: [Policies.Staff, Policies.Coordinator])).Client;
        Assert.Contains("Op orde: 1 van 17.", Html.Text(await otherCoordinator.GetStringAsync(other.Path("/postvak/leidraad"))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.GetAsync(url)).StatusCode);
        var staff = (await app.SignInAsStaffAsync(tenant)).Client;
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(url)).StatusCode);
        var board = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Bestuurder", Policies.Board), tenant);
        Assert.NotEqual(HttpStatusCode.OK, (await board.GetAsync(url)).StatusCode);
        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/postvak/leidraad")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_app_fills_in_what_it_knows_and_the_figures_equal_a_hand_count(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var now = DateTimeOffset.UtcNow;
        var today = WorkingDays.DutchDate(now);
        var code = $"PO {Random.Shared.Next(40, 99)}.{Random.Shared.Next(10, 99)}";
        string Brin() => Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await app.WithDbAsync(null, async db =>
        {
            // Pupils by DUO: 1 200 + 800 counted; a closed school and one without a count are not.
            db.RegisterSchools.AddRange(
                new RegisterSchool { Brin = Brin(), Vestiging = "00", Name = "De Wilg", SwvCode = code, Pupils = 1200 },
                new RegisterSchool { Brin = Brin(), Vestiging = "00", Name = "De Eik", SwvCode = code, Pupils = 800 },
                new RegisterSchool { Brin = Brin(), Vestiging = "00", Name = "Dicht", SwvCode = code, Pupils = 5000, ClosedAt = now.AddYears(-1) },
                new RegisterSchool { Brin = Brin(), Vestiging = "00", Name = "Onbekend", SwvCode = code });
            await db.SaveChangesAsync();
        });
        Guid swv = default;
        await app.WithDbAsync(tenant.Id, async db =>
        {
            var partnership = await db.Set<Partnership>().SingleAsync();
            (partnership.Code, swv) = (code, partnership.Id);
            (await db.Organisations.SingleAsync()).LastReviewedOn = today.AddDays(-30);
            db.Organisations.Add(new Organisation { Name = "Leerplicht", Kind = "Leerplicht", LastReviewedOn = today.AddDays(-400) });
            SupportCase Case(Channel channel, int daysAgo, ContactWay way = ContactWay.Email, bool? onTime = null, RequesterRole role = RequesterRole.Ouder) =>
                new() { ReceivedAt = now.AddDays(-daysAgo), Channel = channel, ContactWay = way, AnsweredOnTime = onTime, RequesterRole = role, LastActivityAt = now };
            db.Cases.AddRange(
                Case(Channel.Formulier, 3, ContactWay.LinkOnly, true, RequesterRole.Jongere),
                Case(Channel.Formulier, 40, ContactWay.LinkOnly, true),
                Case(Channel.Formulier, 60, onTime: true),
                Case(Channel.Formulier, 90, onTime: true),
                Case(Channel.Formulier, 120, onTime: false),
                Case(Channel.Formulier, 1),
                Case(Channel.Telefoon, 10, ContactWay.LinkOnly, role: RequesterRole.Jongere),
                Case(Channel.Telefoon, 200, ContactWay.LinkOnly),
                Case(Channel.Formulier, 400, ContactWay.LinkOnly, false));
            db.BoardReportReleases.AddRange(
                new BoardReportRelease { PartnershipId = partnership.Id, PeriodKey = "2026-Q3", PublishedAt = now, PublishedBy = "Coördinator" },
                new BoardReportRelease { PartnershipId = partnership.Id, PeriodKey = "2024-Q1", PublishedAt = now.AddYears(-2), PublishedBy = "Coördinator" });
            db.Signals.Add(new Signal { Title = "Wachtlijst", Status = SignalStatus.Teruggekoppeld, PublicFeedback = "Er komt een extra klas.", FeedbackPublishedAt = now });
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(other.Id, async db =>
        {
            db.Cases.Add(new SupportCase { ReceivedAt = now.AddDays(-2), Channel = Channel.Formulier, ContactWay = ContactWay.LinkOnly, AnsweredOnTime = false, LastActivityAt = now });
            await db.SaveChangesAsync();
        });

        var known = (await ServiceAsync(app, tenant, f => f.AssessAsync(tenant.Id))).Items;
        Assert.Equal(new(LeidraadStatus.OpOrde, "Bereikbaar via vraagformulier, telefoon en e-mail. Openingstijden staan op de website. Er is geen sluiting gepland."), known["A7"]);
        Assert.Equal(new(LeidraadStatus.Deels, "Op de website staat: antwoord binnen 3 werkdagen. Afgelopen 12 maanden op tijd: 4 van 5 (80%)."), known["A8"]);
        Assert.Equal(LeidraadStatus.OpOrde, known["A9"].Status);
        Assert.EndsWith("Afgelopen 12 maanden: 2 vragen zonder naam.", known["A9"].Evidence, StringComparison.Ordinal);
        Assert.EndsWith("Afgelopen 12 maanden: 2 contacten met jongeren.", known["A10"].Evidence, StringComparison.Ordinal);
        Assert.Equal(LeidraadStatus.OpOrde, known["A13"].Status);
        Assert.StartsWith($"Schooljaar {SchoolYear.Of(today).Label}: 1 signalenrapportage naar het bestuur", known["A13"].Evidence, StringComparison.Ordinal);
        Assert.EndsWith("(jullie zeiden, wij deden): 1.", known["A13"].Evidence, StringComparison.Ordinal);
        Assert.Equal(new(LeidraadStatus.Deels, "De sociale kaart heeft 2 organisaties; 1 daarvan is in de afgelopen 12 maanden gecontroleerd."), known["A14"]);
        Assert.Equal(new(LeidraadStatus.OpOrde, "Afgelopen 12 maanden: 8 contacten, 4,0 per 1.000 leerlingen (2.000 leerlingen volgens DUO). Van jongeren: 25%. De taal van een contact wordt niet vastgelegd."), known["A17"]);

        // The other steunpunt's one contact is its own.
        var theirs = (await ServiceAsync(app, other, f => f.AssessAsync(other.Id))).Items;
        Assert.StartsWith("Afgelopen 12 maanden: 1 contact, het aantal leerlingen is niet bekend", theirs["A17"].Evidence, StringComparison.Ordinal);
        Assert.Equal(LeidraadStatus.Deels, theirs["A17"].Status);
        Assert.Equal(LeidraadStatus.NogNiet, theirs["A13"].Status);

        // A5 counts pages checked in the last 12 months: one own page checked now adds one to both sides.
        var before = Checked(known["A5"].Evidence);
        await app.AddItemAsync(tenant, "Mag ik zelf bellen?", "Ja, jij mag zelf bellen.", audience: Audience.Jongeren);
        var after = Checked((await ServiceAsync(app, tenant, f => f.AssessAsync(tenant.Id))).Items["A5"].Evidence);
        Assert.Equal((before.Done + 1, before.Of + 1), after);

        // The page shows the app's figures; saving takes this school year's snapshot, and last year's is compared.
        var coordinator = (await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator])).Client;
        var url = tenant.Path("/postvak/leidraad");
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Set<LeidraadSnapshot>().Add(new LeidraadSnapshot { SchoolYear = SchoolYear.Of(today).First - 1, TakenAt = now.AddYears(-1), Statuses = "A1=Deels;A7=NogNiet" });
            await db.SaveChangesAsync();
        });
        var page = await coordinator.GetStringAsync(url);
        var text = System.Text.RegularExpressions.Regex.Replace(Html.Text(page), @"\s+", " ");
        Assert.Contains("Stand volgens de app: Deels. Op de website staat: antwoord binnen 3 werkdagen. Afgelopen 12 maanden op tijd: 4 van 5 (80%).", text, StringComparison.Ordinal);
        Assert.Contains("Vorig schooljaar: Deels.", text, StringComparison.Ordinal);
        Assert.Contains("Vorig schooljaar: Nog niet.", text, StringComparison.Ordinal);
        Assert.Contains("Vorig schooljaar: niet ingevuld.", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(url, SteunpuntApp.FormFrom(page, ("Code", "A1"), ("Status", "OpOrde"), ("Evidence", "Opdracht in het ondersteuningsplan")))).StatusCode);
        var snapshot = await app.WithDbAsync(tenant.Id, db => db.Set<LeidraadSnapshot>().AsNoTracking().SingleAsync(s => s.SchoolYear == SchoolYear.Of(today).First));
        var statuses = snapshot.Read();
        Assert.Equal(17, statuses.Count);
        Assert.Equal(LeidraadStatus.OpOrde, statuses["A1"]);
        Assert.Equal(LeidraadStatus.Deels, statuses["A8"]);
        Assert.Equal(LeidraadStatus.NogNiet, statuses["A11"]);

        static (int Done, int Of) Checked(string evidence)
        {
            var m = System.Text.RegularExpressions.Regex.Match(evidence, @"^(\d+) van de (\d+) pagina's");
            Assert.True(m.Success, evidence);
            return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Each_swv_gets_a_plan_for_steunen_and_signaleren_with_milestones(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var coordinator = (await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator])).Client;
        var url = tenant.Path("/postvak/leidraad/plannen");
        var swv = await app.WithDbAsync(tenant.Id, db => db.Set<Partnership>().Select(p => p.Id).SingleAsync());
        var page = await coordinator.GetStringAsync(url);
        Assert.Equal(2, Html.Count(page, "Nog geen mijlpalen."));

        var plan = await coordinator.PostAsync(url + "?handler=Plan", SteunpuntApp.FormFrom(page, ("Swv", swv.ToString()), ("Function", "Signaleren"), ("Text", "Elk kwartaal een rapportage.")));
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        var bad = await coordinator.PostAsync(url + "?handler=Milestone", SteunpuntApp.FormFrom(page, ("Swv", swv.ToString()), ("Function", "Signaleren"), ("Title", "Eerste rapportage"), ("DueOn", "31 februari")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Vul een datum in, bijvoorbeeld 1-3-2027.", Html.Text(badHtml), StringComparison.Ordinal);
        Assert.Contains("value=\"Eerste rapportage\"", badHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(url + "?handler=Milestone", SteunpuntApp.FormFrom(page, ("Swv", swv.ToString()), ("Function", "Signaleren"), ("Title", "Eerste rapportage"), ("DueOn", "2027-03-01")))).StatusCode);

        page = await coordinator.GetStringAsync(url);
        var text = System.Text.RegularExpressions.Regex.Replace(Html.Text(page), @"\s+", " ");
        Assert.Contains("Elk kwartaal een rapportage.", page, StringComparison.Ordinal);
        Assert.Contains("Eerste rapportage, uiterlijk 1 maart 2027: nog niet klaar", text, StringComparison.Ordinal);
        Assert.Equal(1, Html.Count(page, "Nog geen mijlpalen."));
        var milestone = await app.WithDbAsync(tenant.Id, db => db.Set<PlanMilestone>().Select(m => m.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(url + "?handler=Done", SteunpuntApp.FormFrom(page, ("Milestone", milestone.ToString())))).StatusCode);
        text = System.Text.RegularExpressions.Regex.Replace(Html.Text(await coordinator.GetStringAsync(url)), @"\s+", " ");
        Assert.Contains($"Eerste rapportage, uiterlijk 1 maart 2027: klaar op {Dutch.Date(WorkingDays.DutchDate(DateTimeOffset.UtcNow))}", text, StringComparison.Ordinal);

        // A date no plan can have is refused; a milestone can be taken out again.
        var ancient = await coordinator.PostAsync(url + "?handler=Milestone", SteunpuntApp.FormFrom(page, ("Swv", swv.ToString()), ("Function", "Steunen"), ("Title", "Oud"), ("DueOn", "0001-01-01")));
        Assert.Equal(HttpStatusCode.BadRequest, ancient.StatusCode);
        Assert.Contains("Kies een datum tussen 2020 en", Html.Text(await ancient.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(url + "?handler=Remove", SteunpuntApp.FormFrom(page, ("Milestone", milestone.ToString())))).StatusCode);
        Assert.Equal(2, Html.Count(await coordinator.GetStringAsync(url), "Nog geen mijlpalen."));

        // Another steunpunt's coordinator reaches neither this SWV nor this milestone, and sees no plan.
        var theirs = (await app.SignInAsStaffAsync(other, roles: [Policies.Staff, Policies.Coordinator])).Client;
        var theirPage = await theirs.GetStringAsync(other.Path("/postvak/leidraad/plannen"));
        Assert.DoesNotContain("Elk kwartaal", theirPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync(other.Path("/postvak/leidraad/plannen?handler=Plan"), SteunpuntApp.FormFrom(theirPage, ("Swv", swv.ToString()), ("Function", "Steunen"), ("Text", "Overgenomen")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync(other.Path("/postvak/leidraad/plannen?handler=Done"), SteunpuntApp.FormFrom(theirPage, ("Milestone", milestone.ToString())))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync(other.Path("/postvak/leidraad/plannen?handler=Plan"), SteunpuntApp.FormFrom(theirPage, ("Swv", swv.ToString()), ("Function", "7"), ("Text", "x")))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_snapshot_of_the_school_year_is_kept_even_when_nobody_saves(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var now = DateTimeOffset.UtcNow;
        async Task<LeidraadSnapshot?> SnapshotAsync() =>
            await app.WithDbAsync(tenant.Id, db => db.Set<LeidraadSnapshot>().AsNoTracking().SingleOrDefaultAsync(s => s.SchoolYear == SchoolYear.Of(now).First));
        // The app's own keeper may already have run for this new steunpunt (it starts with the app); start without it.
        await app.WithDbAsync(tenant.Id, db => db.Set<LeidraadSnapshot>().ExecuteDeleteAsync());

        await ServiceAsync(app, tenant, async facts =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await SnapshotKeeper.TakeAsync(scope.ServiceProvider.GetRequiredService<Steunpunt.Data.SteunpuntDb>(), facts, now, default);
        });
        var first = await SnapshotAsync();
        Assert.NotNull(first);
        Assert.Equal(17, first.Read().Count);
        Assert.Equal(LeidraadStatus.OpOrde, first.Read()["A7"]);
        Assert.Equal(LeidraadStatus.NogNiet, first.Read()["A1"]);

        // Within a day it is left alone; a day later it is written again with what changed.
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Set<LeidraadItem>().Add(new LeidraadItem { Code = "A1", Status = LeidraadStatus.Deels });
            await db.SaveChangesAsync();
        });
        async Task TakeAsync(DateTimeOffset at) => await ServiceAsync(app, tenant, async facts =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await SnapshotKeeper.TakeAsync(scope.ServiceProvider.GetRequiredService<Steunpunt.Data.SteunpuntDb>(), facts, at, default);
        });
        await TakeAsync(now.AddHours(2));
        Assert.Equal(LeidraadStatus.NogNiet, (await SnapshotAsync())!.Read()["A1"]);
        await TakeAsync(now.AddHours(25));
        Assert.Equal(LeidraadStatus.Deels, (await SnapshotAsync())!.Read()["A1"]);
    }

    private static async Task<T> ServiceAsync<T>(SteunpuntApp app, TestTenant tenant, Func<LeidraadFacts, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(new TenantEntry(tenant.Id, "", "", []));
        return await work(scope.ServiceProvider.GetRequiredService<LeidraadFacts>());
    }
}
