using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Questions;
using Steunpunt.Signals;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;

namespace Steunpunt.BrowserTests.Signals;

/// <summary>
/// The board report in a real browser: staff publish it with a summary (the app's suggestion, edited), a board member
/// reads the published version and records the board's answer to a signal, at 1280 px and at 320 px, with axe clean.
/// The report is measured at 320 px, 1280 px and in print: no table, figure or chart label wider than its box or
/// than the page, every chart label in full at the page's font size; screenshots are kept for a person to look at.
/// </summary>
public sealed class BoardReportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Site = "noorderveen";

    [Fact]
    public async Task Staff_publish_the_board_reads_the_report_and_records_an_answer()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        await SeedAsync(marker);

        // Staff publish the report, with the summary the app suggests and a sentence of their own.
        var staff = await browser.SignInAsync(Site, $"coordinator@{Site}.example", "Postvak");
        await staff.GotoAsync(browser.Url($"/{Site}/rapportage"));
        var summary = staff.GetByLabel("Samenvatting voor het bestuur");
        Assert.Contains("contacten met ouders, jongeren en professionals", await summary.InputValueAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(staff, "report for staff, before publishing");
        await summary.FillAsync((await summary.InputValueAsync()) + $"\n\nOpvallend: veel vragen over thuiszitten ({marker}).");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publiceer voor het bestuur" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=De rapportage is gepubliceerd");

        // The board member reads it, on a wide screen and on a phone.
        var board = await browser.SignInAsync(Site, $"bestuur@{Site}.example", "Rapportage voor het bestuur");
        var text = await board.InnerTextAsync("main");
        Assert.Contains($"veel vragen over thuiszitten ({marker})", text, StringComparison.Ordinal);
        Assert.Contains("Versie 1, gepubliceerd op", text, StringComparison.Ordinal);
        Assert.Contains("Contacten per maand", text, StringComparison.Ordinal);
        Assert.Contains("per 1.000 leerlingen", text, StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(board, "board report at 1280px");
        await AssertNothingClippedAsync(board, "board report at 1280px", "board-report-1280");
        await board.SetViewportSizeAsync(320, 800);
        await Axe.AssertAccessibleAsync(board, "board report at 320px", reflow: true);
        await AssertNothingClippedAsync(board, "board report at 320px", "board-report-320");
        // In print (A4 portrait less its margins is about 680 px wide).
        await board.SetViewportSizeAsync(680, 1000);
        await board.EmulateMediaAsync(new() { Media = Media.Print });
        await AssertNothingClippedAsync(board, "board report in print", "board-report-print");
        await board.EmulateMediaAsync(new() { Media = Media.Null });

        // The board answers the signal, on the phone.
        await board.SetViewportSizeAsync(320, 800);
        await board.ReloadAsync();
        await board.Locator("main a", new() { HasText = $"Thuiszitters zonder plan ({marker})" }).Filter(new() { HasText = "Antwoord geven" }).ClickAsync();
        await board.WaitForSelectorAsync("h1:has-text('Antwoord van het bestuur')");
        await Axe.AssertAccessibleAsync(board, "answer form at 320px", reflow: true);
        await board.GetByLabel("Wat gaan we doen?").FillAsync($"We maken met elke school een plan voor thuiszitters ({marker}).");
        await board.GetByRole(AriaRole.Button, new() { Name = "Bewaar het antwoord" }).ClickAsync();
        // Without "wanneer" the form comes back with a message and keeps what was typed.
        await board.WaitForSelectorAsync(".error-summary");
        Assert.Contains("Schrijf wanneer", await board.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        Assert.Equal($"We maken met elke school een plan voor thuiszitters ({marker}).", await board.GetByLabel("Wat gaan we doen?").InputValueAsync());
        await Axe.AssertAccessibleAsync(board, "answer form with an error at 320px", reflow: true);
        await board.GetByLabel("Wanneer?").FillAsync("voor de zomervakantie van 2027");
        await board.GetByRole(AriaRole.Button, new() { Name = "Bewaar het antwoord" }).ClickAsync();
        await board.WaitForSelectorAsync("text=Uw antwoord is bewaard");
        var after = await board.InnerTextAsync("main");
        Assert.Contains($"We maken met elke school een plan voor thuiszitters ({marker}).", after, StringComparison.Ordinal);
        Assert.Contains("voor de zomervakantie van 2027", after, StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(board, "board report with the answer at 320px", reflow: true);

        // Staff see the answer in the signal register.
        await staff.GotoAsync(browser.Url($"/{Site}/postvak/signalen"));
        Assert.Contains("voor de zomervakantie van 2027", await staff.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(staff, "signal register with the board's answer");
        Assert.Empty(browser.ThirdPartyRequests);
    }

    /// <summary>Contacts this school year with long labels, a signal for every SWV, and pupils for the PO partnership.</summary>
    private async Task SeedAsync(string marker)
    {
        var app = browser.App;
        var tenantId = await app.WithDbAsync(null, db => db.Tenants.Where(t => t.Slug == Site).Select(t => t.Id).SingleAsync());
        var longestTheme = await app.WithDbAsync(null, db => db.Themes.Select(t => new { t.Code, t.Name }).ToListAsync());
        var themes = longestTheme.OrderByDescending(t => t.Name.Length).Select(t => t.Code).Take(3).ToArray();
        var now = DateTimeOffset.UtcNow;
        var schoolYearStart = new DateTimeOffset(now.Month >= 8 ? now.Year : now.Year - 1, 8, 1, 12, 0, 0, TimeSpan.Zero);
        await app.WithDbAsync(null, async db =>
        {
            db.RegisterSchools.Add(new RegisterSchool { Brin = "99ZZ", Vestiging = "00", Name = "De Wilg", SwvCode = "PO 99.11", Pupils = 4200 });
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(tenantId, async db =>
        {
            var rows = new (int N, SchoolPhases Phase, Channel Channel, string Gemeente, string Theme)[]
            {
                (9, SchoolPhases.PO, Channel.Formulier, "Noorderveen", themes[0]),
                (6, SchoolPhases.SBO, Channel.Telefoon, "Súdwest-Fryslân", themes[1]),
                (2, SchoolPhases.SO, Channel.Inloop, "Krimpenerwaard", themes[2]),
                (1, SchoolPhases.None, Channel.Formulier, "", themes[0]),
            };
            var k = 0;
            foreach (var (n, phase, channel, gemeente, theme) in rows)
            {
                for (var i = 0; i < n; i++, k++)
                {
                    var at = schoolYearStart.AddDays(k * 3 % Math.Max(1, (int)(now - schoolYearStart).TotalDays));
                    db.Cases.Add(new SupportCase
                    {
                        ReceivedAt = at,
                        LastActivityAt = at,
                        Channel = channel,
                        Phase = phase,
                        Sector = Sectors.Of(phase),
                        Gemeente = gemeente,
                        RequesterRole = RequesterRole.Ouder,
                        Outcome = Outcome.Beantwoord,
                        ThemeCodes = ThemeSet.Of(theme),
                        HelpGiven = HelpGiven.Informatie,
                    });
                }
            }
            db.Signals.Add(new Signal { Title = $"Thuiszitters zonder plan ({marker})", Status = SignalStatus.VoorgelegdAanBestuur });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Measures the report: no table, table wrapper, figure, chart row, label or cell is wider than its own
    /// box (scrollWidth over clientWidth) or sticks out of the page's main column; every chart label is the table's
    /// label in full at the page's font size; no SVG text is cut by its SVG. Keeps a full-page screenshot.</summary>
    private static async Task AssertNothingClippedAsync(IPage page, string what, string screenshot)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
              const out = [];
              const main = document.querySelector('main');
              const box = main.getBoundingClientRect();
              const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
              const measured = main.querySelectorAll('table, .table-scroll, figure, .bar-row, .bar-label, .bar-track, .bar-value, th, td, .big-number, .signal-list li');
              if (measured.length === 0) out.push('nothing to measure');
              for (const el of measured) {
                if (el.getClientRects().length === 0) continue; // not shown (print hides some)
                if (el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} is ${el.scrollWidth}px wide inside ${el.clientWidth}px`);
                const r = el.getBoundingClientRect();
                if (r.right > box.right + 1 || r.left < box.left - 1) out.push(`${name(el)} sticks out of the page (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(box.left)}–${Math.round(box.right)})`);
              }
              const bodySize = getComputedStyle(document.body).fontSize;
              for (const section of main.querySelectorAll('.report-section')) {
                const labels = [...section.querySelectorAll('.bar-label')].map(l => l.textContent.trim());
                const rows = [...section.querySelectorAll('tbody th')].map(t => t.textContent.trim());
                if (labels.join('|') !== rows.join('|')) out.push(`chart labels ${labels.join('|')} differ from the table ${rows.join('|')}`);
                for (const l of section.querySelectorAll('.bar-label')) {
                  if (getComputedStyle(l).fontSize !== bodySize) out.push(`${name(l)} is ${getComputedStyle(l).fontSize}, the page ${bodySize}`);
                  if (getComputedStyle(l).textOverflow === 'ellipsis' || l.textContent.includes('…')) out.push(`${name(l)} is cut`);
                }
              }
              for (const t of main.querySelectorAll('svg text')) {
                const s = t.ownerSVGElement.getBoundingClientRect(), r = t.getBoundingClientRect();
                if (r.right > s.right + 1 || r.left < s.left - 1) out.push(`svg text "${t.textContent}" is cut by its svg`);
              }
              return out;
            }
            """);
        var file = Path.Combine(AppContext.BaseDirectory, "screenshots", screenshot + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.True(problems.Length == 0, $"{what} ({file}):\n" + string.Join("\n", problems));
    }
}
