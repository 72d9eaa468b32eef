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
    public async Task Publishing_again_adds_a_version_and_the_board_reads_the_latest_with_what_changed(string provider)
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
        await BoardReportTests.PublishAsync(app, tenant, po, "2026-K3", "Een contact kwam later binnen.", staff);
        Assert.Equal([1, 2], await app.WithDbAsync(tenant.Id, db => db.BoardReportReleases.Where(r => r.PartnershipId == po).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync()));

        // The board reads the latest version, with its summary and what changed against version 1.
        var latest = Squeezed(await board.GetStringAsync(tenant.Path("/rapportage")));
        Assert.Contains("Versie 2, gepubliceerd op", latest, StringComparison.Ordinal);
        Assert.Contains("16 contacten", latest, StringComparison.Ordinal);
        Assert.Contains("Een contact kwam later binnen.", latest, StringComparison.Ordinal);
        Assert.Contains("Wat is er veranderd sinds versie 1?", latest, StringComparison.Ordinal);
        Assert.Contains("Contacten in totaal: was 15, nu 16.", latest, StringComparison.Ordinal);
        Assert.Contains("De samenvatting is aangepast.", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("Medewerker", latest, StringComparison.Ordinal); // the board sees when, not who

        // The earlier version can still be opened; a version that does not exist is not there.
        var first = Squeezed(await board.GetStringAsync(tenant.Path("/rapportage?periode=2026-K3&versie=1")));
        Assert.Contains("15 contacten", first, StringComparison.Ordinal);
        Assert.Contains("Vooral ouders van basisscholen belden.", first, StringComparison.Ordinal);
        Assert.Contains("Er is een nieuwere versie.", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat is er veranderd", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(tenant.Path("/rapportage?periode=2026-K3&versie=3"))).StatusCode);
        Assert.Contains("Kanaal;Telefoon;<5;0;nieuw", await board.GetStringAsync(tenant.Path("/rapportage?periode=2026-K3&versie=1&handler=Csv")), StringComparison.Ordinal);

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
            new Signal { Title = "Lange wachttijd voor onderzoek" }, new Signal { Title = "Signaal voor VO", PartnershipId = vo });
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Signals.AddRange(mine, forAll, theirs);
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
        Assert.Contains($"Antwoord van het bestuur van SWV PO {tenant.Slug}", fedBack, StringComparison.Ordinal);
        Assert.Contains("Wat gaat het bestuur doen: We maken met elke school een plan voor thuiszitters.", fedBack, StringComparison.Ordinal);
        Assert.Contains("Wanneer: voor de zomer van 2027", fedBack, StringComparison.Ordinal);
        Assert.DoesNotContain("Bestuurder", fedBack, StringComparison.Ordinal);

        // The board may answer a signal for every SWV, but never another SWV's; staff and other roles never write here.
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync(tenant.Path($"/rapportage/signalen/{forAll.Id}/antwoord"))).StatusCode);
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
        Assert.Equal(["We maken met elke school een plan voor thuiszitters."],
            await app.WithDbAsync(tenant.Id, db => db.BoardAnswers.Select(a => a.Action).ToListAsync()));
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
