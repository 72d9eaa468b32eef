using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Questions;
using Steunpunt.Signals;
using Steunpunt.Signals.Reports;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Signals;

/// <summary>
/// The board report as a document: staff write a summary and publish a version; publishing again adds a version and
/// the board sees what changed; the monthly trend and reach per 1 000 pupils; "nieuw" instead of a change against
/// nothing; the board's answer per signal, in the staff register and (once fed back) on "jullie zeiden, wij deden".
/// </summary>
public sealed class BoardReportDocumentTests(Apps apps) : IClassFixture<Apps>
{
    private static string Squeezed(string html) => System.Text.RegularExpressions.Regex.Replace(Html.Text(html), @"\s+", " ");

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Publishing_again_adds_a_version_and_the_board_reads_only_the_latest_without_a_one_contact_difference(string provider)
    {
        var app = await apps.ForAsync(provider);
        var (tenant, po, _) = await BoardReportTests.SeedFixtureAsync(app);
        var board = await app.SignInAsync(await BoardReportTests.BoardMemberAsync(app, tenant, po), tenant);
        var staff = await app.SignInAsStaffAsync(tenant);

        // Staff get a suggested summary in the form, from the figures of now.
        var form = await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3"));
        Assert.Contains("had het steunpunt 15 contacten", Html.Text(form), StringComparison.Ordinal);

        // A summary with an e-mail address is refused, and the text is kept.
        var refused = await staff.Client.PostAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3&handler=Publish"),
            SteunpuntApp.FormFrom(form, ("Summary", "Bel ons via ouder@voorbeeld.nl over de groei.")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("in de samenvatting. Haal dat weg", Html.Text(refusedHtml), StringComparison.Ordinal);
        Assert.Contains("Bel ons via ouder@voorbeeld.nl over de groei.", Html.Text(refusedHtml), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.BoardReportReleases.CountAsync()));

        await BoardReportTests.PublishAsync(app, tenant, po, "2026-K3", "Vooral ouders van basisscholen belden.", staff);
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Cases.Add(new SupportCase { ReceivedAt = new DateTimeOffset(2026, 8, 20, 10, 0, 0, TimeSpan.Zero), Channel = Channel.Telefoon, Phase = SchoolPhases.PO, Sector = Sector.PO, Gemeente = "Zandvliet", LastActivityAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        // The figures changed: the form starts from a new suggestion, not from the summary with the old figures.
        var changedForm = Squeezed(await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3")));
        Assert.Contains("De cijfers zijn veranderd sinds de laatste versie.", changedForm, StringComparison.Ordinal);
        Assert.Contains("had het steunpunt 16 contacten", changedForm, StringComparison.Ordinal);
        await BoardReportTests.PublishAsync(app, tenant, po, "2026-K3", "Een contact kwam later binnen.", staff);
        Assert.Equal([1, 2], await app.WithDbAsync(tenant.Id, db => db.BoardReportReleases.Where(r => r.PartnershipId == po).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync()));

        // The board reads the latest version, with its summary; what changed names the one-contact change without figures.
        var latest = Squeezed(await board.GetStringAsync(tenant.Path("/rapportage")));
        Assert.Contains("Versie 2, gepubliceerd op", latest, StringComparison.Ordinal);
        Assert.Contains("16 contacten", latest, StringComparison.Ordinal);
        Assert.Contains("Een contact kwam later binnen.", latest, StringComparison.Ordinal);
        Assert.Contains("Wat is er veranderd sinds versie 1?", latest, StringComparison.Ordinal);
        Assert.Contains("Kleine wijzigingen (minder dan 5), of wijzigingen in aantallen die we niet tonen, in: Contacten in totaal,", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("was 15", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("nieuw in deze versie", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("was <5", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("Kanaal, Telefoon:", latest, StringComparison.Ordinal);
        Assert.Contains("De samenvatting is aangepast.", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("Medewerker", latest, StringComparison.Ordinal); // the board sees when, not who

        // Version 1 is listed, but its figures, its summary (which may hold figures) and its CSV are not for the board.
        Assert.Contains("Versie 1 (", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("Vooral ouders van basisscholen belden.", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("versie=1", await board.GetStringAsync(tenant.Path("/rapportage")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(tenant.Path("/rapportage?periode=2026-K3&versie=1"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(tenant.Path("/rapportage?periode=2026-K3&versie=1&handler=Csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(tenant.Path("/rapportage?periode=2026-K3&versie=3"))).StatusCode);
        Assert.Contains("16 contacten", Squeezed(await board.GetStringAsync(tenant.Path("/rapportage?periode=2026-K3&versie=2"))), StringComparison.Ordinal);

        // Staff can still open version 1, with its tables and CSV.
        var first = Squeezed(await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3&versie=1")));
        Assert.Contains("15 contacten", first, StringComparison.Ordinal);
        Assert.Contains("Vooral ouders van basisscholen belden.", first, StringComparison.Ordinal);
        Assert.Contains("Er is een nieuwere versie.", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat is er veranderd", first, StringComparison.Ordinal);
        Assert.Contains("Kanaal;Telefoon;<5;0;nieuw", await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3&versie=1&handler=Csv")), StringComparison.Ordinal);

        // Staff start the next version from the summary they wrote last.
        Assert.Contains("Een contact kwam later binnen.", Html.Text(await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3"))), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_report_has_a_monthly_trend_reach_per_thousand_pupils_and_no_change_against_nothing(string provider)
    {
        var app = await apps.ForAsync(provider);
        var (tenant, po, _) = await BoardReportTests.SeedFixtureAsync(app);
        var staff = await app.SignInAsStaffAsync(tenant);

        // Without a pupil count, no reach.
        var without = Squeezed(await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2025-2026")));
        Assert.DoesNotContain("per 1.000 leerlingen", without, StringComparison.Ordinal);

        var code = $"PO {Random.Shared.Next(40, 99)}.{Random.Shared.Next(10, 99)}";
        string Brin() => Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await app.WithDbAsync(null, async db =>
        {
            db.RegisterSchools.AddRange(
                new RegisterSchool { Brin = Brin(), Vestiging = "00", Name = "De Wilg", SwvCode = code, Pupils = 2000 },
                new RegisterSchool { Brin = Brin(), Vestiging = "00", Name = "Dicht", SwvCode = code, Pupils = 9000, ClosedAt = DateTimeOffset.UtcNow.AddYears(-1) });
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(tenant.Id, async db =>
        {
            (await db.Set<Partnership>().SingleAsync(p => p.Id == po)).Code = code;
            await db.SaveChangesAsync();
        });

        // School year 2025-2026 (August to July): 4 contacts in May 2026 and 1 in February 2026 for the PO partnership.
        var page = await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2025-2026"));
        var text = Squeezed(page);
        Assert.Contains("Bereik in deze periode: 2,5 contacten per 1.000 leerlingen", text, StringComparison.Ordinal); // 5 / 2 000 open-school pupils
        Assert.Contains("2.000 leerlingen volgens DUO", text, StringComparison.Ordinal);
        Assert.Contains("(vorige periode: geen contacten, dus geen vergelijking)", text, StringComparison.Ordinal);
        var trend = TableRows(page, PublishedReport.TrendTitle);
        Assert.Equal(12, trend.Count);
        Assert.Equal("augustus 2025", trend[0][0]);
        Assert.Equal("juli 2026", trend[11][0]);
        // 1 and 4 are small; with the total of 5 shown, they keep each other safe (1–4 each), so no month reads "x".
        Assert.Equal(["<5", "<5"], trend.Where(r => r[1] != "0").Select(r => r[1]));
        Assert.Equal(["februari 2026", "mei 2026"], trend.Where(r => r[1] != "0").Select(r => r[0]));
        Assert.DoesNotContain(trend, r => r[1] == "x");

        // A row against a previous period without contacts says "nieuw", never "+n".
        var channel = TableRows(page, "Kanaal");
        Assert.NotEmpty(channel);
        Assert.Contains(channel, r => r[3] == "nieuw");
        Assert.DoesNotContain(channel, r => r[3].StartsWith('+'));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_board_answers_its_own_signals_and_the_answer_reaches_staff_and_after_feedback_the_public(string provider)
    {
        var app = await apps.ForAsync(provider);
        var (tenant, po, vo) = await BoardReportTests.SeedFixtureAsync(app);
        var (mine, forAll, theirs) = (new Signal { Title = "Thuiszitters zonder plan", PartnershipId = po, Status = SignalStatus.VoorgelegdAanBestuur },
            new Signal { Title = "Lange wachttijd voor onderzoek", Status = SignalStatus.Maatregel }, new Signal { Title = "Signaal voor VO", PartnershipId = vo, Status = SignalStatus.VoorgelegdAanBestuur });
        var notYet = new Signal { Title = "Nog niet voorgelegd", PartnershipId = po, Status = SignalStatus.Geduid };
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Signals.AddRange(mine, forAll, theirs, notYet);
            await db.SaveChangesAsync();
        });
        var boardEmail = await BoardReportTests.BoardMemberAsync(app, tenant, po);
        var board = await app.SignInAsync(boardEmail, tenant);
        await BoardReportTests.PublishAsync(app, tenant, po, "2026-K3");

        // The published report links each signal to the answer form.
        var report = await board.GetStringAsync(tenant.Path("/rapportage"));
        Assert.Contains($"/rapportage/signalen/{mine.Id}/antwoord", report, StringComparison.Ordinal);

        // Incomplete: refused, and what was typed is kept.
        var url = tenant.Path($"/rapportage/signalen/{mine.Id}/antwoord");
        var form = await board.GetStringAsync(url);
        var incomplete = await board.PostAsync(url, SteunpuntApp.FormFrom(form, ("Input.Action", ""), ("Input.When", "voor de zomer van 2027")));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var incompleteHtml = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("Schrijf wat het bestuur gaat doen met dit signaal.", Html.Text(incompleteHtml), StringComparison.Ordinal);
        Assert.Contains("value=\"voor de zomer van 2027\"", incompleteHtml, StringComparison.Ordinal);

        var saved = await board.PostAsync(url, SteunpuntApp.FormFrom(form, ("Input.Action", "We maken met elke school een plan voor thuiszitters."), ("Input.When", "voor de zomer van 2027")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("We maken met elke school een plan voor thuiszitters.", Html.Text(await board.GetStringAsync(tenant.Path("/rapportage"))), StringComparison.Ordinal);
        Assert.Contains("We maken met elke school een plan voor thuiszitters.", Html.Text(await board.GetStringAsync(tenant.Path("/rapportage/signalen"))), StringComparison.Ordinal);
        Assert.Equal(SignalStatus.ReactieBestuur, await app.WithDbAsync(tenant.Id, db => db.Signals.Where(s => s.Id == mine.Id).Select(s => s.Status).SingleAsync()));

        // Staff read the answer in the register and on the signal's page, with who wrote it.
        var staff = await app.SignInAsStaffAsync(tenant);
        Assert.Contains($"SWV PO {tenant.Slug}: voor de zomer van 2027", Squeezed(await staff.Client.GetStringAsync(tenant.Path("/postvak/signalen"))), StringComparison.Ordinal);
        var signalPage = Squeezed(await staff.Client.GetStringAsync(tenant.Path($"/postvak/signalen/{mine.Id}")));
        Assert.Contains("We maken met elke school een plan voor thuiszitters.", signalPage, StringComparison.Ordinal);
        Assert.Contains("Geschreven door Bestuurder", signalPage, StringComparison.Ordinal);

        // The public reads it only once the signal is fed back, as the board's answer, without the board member's name.
        var publicPage = tenant.Path("/jullie-zeiden-wij-deden");
        Assert.DoesNotContain("plan voor thuiszitters", Html.Text(await app.Anonymous().GetStringAsync(publicPage)), StringComparison.Ordinal);
        await app.WithDbAsync(tenant.Id, async db =>
        {
            var s = await db.Signals.SingleAsync(x => x.Id == mine.Id);
            (s.Status, s.PublicFeedback, s.FeedbackPublishedAt) = (SignalStatus.Teruggekoppeld, "Het samenwerkingsverband pakt thuiszitten aan.", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });
        var fedBack = Squeezed(await app.Anonymous().GetStringAsync(publicPage));

        // Once fed back the answer is public and frozen: shown read-only, and a change is refused calmly.
        var frozenPage = Squeezed(await board.GetStringAsync(url));
        Assert.Contains("Dit signaal is teruggekoppeld.", frozenPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Bewaar het antwoord", frozenPage, StringComparison.Ordinal);
        var late = await board.PostAsync(url, SteunpuntApp.FormFrom(form, ("Input.Action", "Toch iets anders."), ("Input.When", "later")));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("kan niet meer veranderen", Html.Text(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("We maken met elke school een plan voor thuiszitters.", await app.WithDbAsync(tenant.Id, db => db.BoardAnswers.Where(a => a.SignalId == mine.Id).Select(a => a.Action).SingleAsync()));
        Assert.Equal(SignalStatus.Teruggekoppeld, await app.WithDbAsync(tenant.Id, db => db.Signals.Where(s => s.Id == mine.Id).Select(s => s.Status).SingleAsync()));
        Assert.Contains($"Antwoord van het bestuur van SWV PO {tenant.Slug}", fedBack, StringComparison.Ordinal);
        Assert.Contains("Wat gaat het bestuur doen: We maken met elke school een plan voor thuiszitters.", fedBack, StringComparison.Ordinal);
        Assert.Contains("Wanneer: voor de zomer van 2027", fedBack, StringComparison.Ordinal);
        Assert.DoesNotContain("Bestuurder", fedBack, StringComparison.Ordinal);

        // The board may answer a signal for every SWV, but never another SWV's; staff and other roles never write here.
        // A signal further along than "reactie bestuur" keeps its status when the board answers.
        var forAllUrl = tenant.Path($"/rapportage/signalen/{forAll.Id}/antwoord");
        var forAllSaved = await board.PostAsync(forAllUrl, SteunpuntApp.FormFrom(await board.GetStringAsync(forAllUrl), ("Input.Action", "We praten met de onderzoekers."), ("Input.When", "in 2027")));
        Assert.Equal(HttpStatusCode.Redirect, forAllSaved.StatusCode);
        Assert.Equal(SignalStatus.Maatregel, await app.WithDbAsync(tenant.Id, db => db.Signals.Where(s => s.Id == forAll.Id).Select(s => s.Status).SingleAsync()));
        // A signal not yet put before the board cannot be answered, and has no link to do so.
        var notYetUrl = tenant.Path($"/rapportage/signalen/{notYet.Id}/antwoord");
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(notYetUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.PostAsync(notYetUrl, SteunpuntApp.FormFrom(form, ("Input.Action", "x"), ("Input.When", "y")))).StatusCode);
        Assert.DoesNotContain(notYetUrl, await board.GetStringAsync(tenant.Path("/rapportage/signalen")), StringComparison.Ordinal);
        Assert.Equal(SignalStatus.Geduid, await app.WithDbAsync(tenant.Id, db => db.Signals.Where(s => s.Id == notYet.Id).Select(s => s.Status).SingleAsync()));
        var theirsUrl = tenant.Path($"/rapportage/signalen/{theirs.Id}/antwoord");
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(theirsUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.PostAsync(theirsUrl, SteunpuntApp.FormFrom(form, ("Input.Action", "x"), ("Input.When", "y")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(tenant.Path($"/rapportage/signalen/{Guid.NewGuid()}/antwoord"))).StatusCode);
        var others = new List<(string Name, HttpClient Client)>
        {
            ("staff", staff.Client),
            ("editor", await app.SignInAsync(await app.CreateAccountAsync(tenant, "Redacteur", Policies.Editor), tenant)),
            ("anonymous", app.Anonymous()),
            ("staff of another steunpunt", (await app.SignInAsStaffAsync(await app.CreateTenantAsync())).Client),
        };
        var failures = new List<string>();
        foreach (var (name, client) in others)
        {
            using var get = await client.GetAsync(url);
            var token = SteunpuntApp.AntiforgeryToken(await client.GetStringAsync(tenant.Path("/account/inloggen")));
            using var post = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Action"] = "Overgeschreven",
                ["Input.When"] = "nu",
            }));
            if (get.StatusCode != HttpStatusCode.NotFound && get.StatusCode != HttpStatusCode.Redirect)
            {
                failures.Add($"{name} GET: {(int)get.StatusCode}");
            }
            if (post.StatusCode != HttpStatusCode.NotFound && !(name == "anonymous" && post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location?.ToString().Contains("inloggen", StringComparison.Ordinal) == true))
            {
                failures.Add($"{name} POST: {(int)post.StatusCode}");
            }
        }
        Assert.Empty(failures);
        Assert.Equal(["We maken met elke school een plan voor thuiszitters.", "We praten met de onderzoekers."],
            await app.WithDbAsync(tenant.Id, db => db.BoardAnswers.OrderBy(a => a.Action).Select(a => a.Action).ToListAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_running_period_is_published_once_and_two_publishes_at_once_give_a_calm_conflict(string provider)
    {
        var app = await apps.ForAsync(provider);
        var (tenant, po, _) = await BoardReportTests.SeedFixtureAsync(app);
        var staff = await app.SignInAsStaffAsync(tenant);

        // The running school year: a first version may go out, a second only once the period has ended.
        var running = ReportPeriod.CurrentSchoolYear(WorkingDays.DutchDate(app.Clock.GetUtcNow())).Key;
        await BoardReportTests.PublishAsync(app, tenant, po, running, "Tussenstand.", staff);
        var runningUrl = tenant.Path($"/rapportage?swv={po}&periode={running}");
        var page = await staff.Client.GetStringAsync(runningUrl);
        Assert.Contains("U kunt haar pas opnieuw publiceren als ze is afgelopen.", Html.Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Publiceer opnieuw voor het bestuur", page, StringComparison.Ordinal);
        var again = await staff.Client.PostAsync(tenant.Path($"/rapportage?swv={po}&periode={running}&handler=Publish"),
            SteunpuntApp.FormFrom(await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3")), ("Summary", "Nog een tussenstand.")));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("U kunt haar pas opnieuw publiceren als ze is afgelopen.", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.BoardReportReleases.CountAsync(r => r.PeriodKey == running)));

        // Publishes of an ended period at the same moment: each is stored or gets a calm 409 with its summary; never a 500.
        var form = await staff.Client.GetStringAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3"));
        var posts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => staff.Client.PostAsync(tenant.Path($"/rapportage?swv={po}&periode=2026-K3&handler=Publish"),
            SteunpuntApp.FormFrom(form, ("Summary", $"Samenvatting {i}.")))));
        var failures = new List<string>();
        for (var i = 0; i < posts.Length; i++)
        {
            if (posts[i].StatusCode == HttpStatusCode.Conflict)
            {
                var text = Html.Text(await posts[i].Content.ReadAsStringAsync());
                if (!text.Contains("Een collega publiceerde net een versie.", StringComparison.Ordinal) || !text.Contains($"Samenvatting {i}.", StringComparison.Ordinal))
                {
                    failures.Add($"{i}: 409 without the message or the summary");
                }
            }
            else if (posts[i].StatusCode != HttpStatusCode.Redirect)
            {
                failures.Add($"{i}: {(int)posts[i].StatusCode}");
            }
        }
        Assert.Empty(failures);
        var stored = await app.WithDbAsync(tenant.Id, db => db.BoardReportReleases.Where(r => r.PeriodKey == "2026-K3").OrderBy(r => r.Number).Select(r => r.Number).ToListAsync());
        Assert.Equal(posts.Count(p => p.StatusCode == HttpStatusCode.Redirect), stored.Count);
        Assert.Equal(Enumerable.Range(1, stored.Count), stored);
    }

    [Fact]
    public void What_changed_shows_figures_only_for_changes_of_at_least_the_threshold()
    {
        static PublishedReport.Version Of(int total, params (string Label, int Count)[] channels) =>
            new("SWV Zandvliet", "2026-K3", "3e kwartaal 2026", "2e kwartaal 2026", 5, PublishedReport.Total(total, 5), PublishedReport.Total(0, 5), false,
                [PublishedReport.Publish(new BoardReport.Dimension("Kanaal", total, 0, [.. channels.Select(c => new BoardReport.Row(c.Label, c.Count, 0))]), 5),
                 PublishedReport.Publish(new BoardReport.Dimension("Gemeente", total, 0, [new("Zandvliet", total, 0)]), 5)], [], [], false);

        // One late contact by phone: named, never with figures.
        var one = ReportText.Changes(Of(15, ("Formulier", 11), ("Telefoon", 4)), Of(16, ("Formulier", 11), ("Telefoon", 5)));
        Assert.Equal(["Kleine wijzigingen (minder dan 5), of wijzigingen in aantallen die we niet tonen, in: Contacten in totaal, Kanaal, Gemeente. Die laten we zonder cijfers zien, zodat niemand te herkennen is."], one);
        // A small row that appears: no value; a large change in a part without small ones: with figures.
        var many = ReportText.Changes(Of(20, ("Formulier", 20)), Of(28, ("Formulier", 25), ("Telefoon", 3)));
        Assert.Contains("Contacten in totaal: was 20, nu 28.", many);
        Assert.Contains("Gemeente, Zandvliet: was 20, nu 28.", many);
        Assert.DoesNotContain(many, l => l.Contains("Formulier", StringComparison.Ordinal) || l.Contains("Telefoon", StringComparison.Ordinal) || l.Contains("<5", StringComparison.Ordinal));
        Assert.Contains(many, l => l.StartsWith("Kleine wijzigingen", StringComparison.Ordinal) && l.Contains("in: Kanaal.", StringComparison.Ordinal));

        // A hidden total reads as words in the suggested summary.
        Assert.Contains("had het steunpunt minder dan 5 contacten", ReportText.SuggestSummary(Of(3, ("Formulier", 3))), StringComparison.Ordinal);
    }

    [Fact]
    public void The_suggested_summary_names_the_biggest_rise_and_fall_and_what_is_new()
    {
        var report = new BoardReport.Dimension("Kanaal", 60, 50, [new("Formulier", 30, 20), new("Telefoon", 10, 25), new("Inloop", 20, 5)]);
        var themes = new BoardReport.Dimension("Thema's", null, null, [new("Pesten", 12, 0), new("Vervoer", 8, 8)]);
        var v = new PublishedReport.Version("SWV Zandvliet", "2026-K3", "3e kwartaal 2026", "2e kwartaal 2026", 5,
            PublishedReport.Total(60, 5), PublishedReport.Total(50, 5), false, [PublishedReport.Publish(report, 5), PublishedReport.Publish(themes, 5)],
            [new("Thuiszitters zonder plan", SignalStatus.Geduid, PublishedReport.Total(7, 5), PublishedReport.Total(0, 5))], [], false);
        var text = ReportText.SuggestSummary(v);
        Assert.Contains("had het steunpunt 60 contacten", text, StringComparison.Ordinal);
        Assert.Contains("(2e kwartaal 2026: 50)", text, StringComparison.Ordinal);
        Assert.Contains("Meer dan de vorige periode: Inloop (kanaal), van 5 naar 20; Formulier (kanaal), van 20 naar 30.", text, StringComparison.Ordinal);
        Assert.Contains("Minder dan de vorige periode: Telefoon (kanaal), van 25 naar 10.", text, StringComparison.Ordinal);
        Assert.Contains("Nieuw deze periode: Pesten.", text, StringComparison.Ordinal);
        Assert.Contains("Het belangrijkste signaal: Thuiszitters zonder plan.", text, StringComparison.Ordinal);
    }

    /// <summary>The body rows (cells as text) of the table captioned with the given title.</summary>
    private static List<string[]> TableRows(string html, string caption)
    {
        var table = System.Text.RegularExpressions.Regex.Match(html, $"<caption class=\"visually-hidden\">{System.Text.RegularExpressions.Regex.Escape(System.Net.WebUtility.HtmlEncode(caption))}</caption>.*?<tbody>(.*?)</tbody>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(table.Success, $"No table {caption}.");
        return [.. System.Text.RegularExpressions.Regex.Matches(table.Groups[1].Value, "<tr>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(row => System.Text.RegularExpressions.Regex.Matches(row.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Select(c => Html.Text(c.Groups[1].Value).Trim()).ToArray())];
    }
}
