using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Signals;

/// <summary>
/// Signaleren in a real browser: a parent tells a story → staff review the redaction → staff make a signal and
/// feed back the board's response → the board member reads the report → the public page shows the feedback.
/// Axe checks the public pages (also at 320 px), the staff pages and the report.
/// </summary>
public sealed class StoryToBoardJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Story_redaction_signal_board_report_and_public_feedback()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];

        // A parent tells a story, on a phone.
        var parent = await browser.NewPageAsync(width: 320);
        await parent.GotoAsync(browser.Url("/noorderveen/vertel"));
        await Axe.AssertAccessibleAsync(parent, "story form at 320px", reflow: true);
        await parent.GetByLabel("Ik ben ouder of verzorger").CheckAsync();
        await parent.GetByLabel("Vertel over een moment dat u zich iets herinnert").FillAsync($"Juf Annemiek zei dat mijn zoon Daan beter thuis kon blijven. ({marker})");
        await parent.GetByLabel("Wat had u nodig?").FillAsync("Iemand die naar ons luisterde.");
        await parent.GetByLabel("Heel negatief").CheckAsync();
        await parent.GetByLabel("Het steunpunt mag een stukje uit mijn verhaal gebruiken", new() { Exact = false }).CheckAsync();
        await parent.Locator("main button[type=submit]").ClickAsync();
        await parent.WaitForSelectorAsync("h1:has-text('Dank u wel voor uw verhaal')");
        await Axe.AssertAccessibleAsync(parent, "story received", reflow: true);

        // Staff review the redaction.
        var staff = await browser.SignInAsync("noorderveen", "coordinator@noorderveen.example", "Postvak");
        await staff.GotoAsync(browser.Url("/noorderveen/postvak/verhalen"));
        await Axe.AssertAccessibleAsync(staff, "stories list");
        await staff.Locator("main .article-list a").First.ClickAsync();
        await Axe.AssertAccessibleAsync(staff, "story review");
        var proposal = string.Join("\n", await staff.Locator("main textarea").EvaluateAllAsync<string[]>("t => t.map(x => x.value)"));
        Assert.True(proposal.Length > 20, proposal);
        Assert.DoesNotContain("Annemiek", proposal, StringComparison.Ordinal);
        Assert.DoesNotContain("Daan", proposal, StringComparison.Ordinal);
        await staff.GetByLabel("Gebruik als citaat in de rapportage voor het bestuur").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren", Exact = true }).ClickAsync();
        await staff.WaitForSelectorAsync("h1:has-text('Verhalen')");

        // A signal from the stories, taken to the board and fed back.
        await staff.GotoAsync(browser.Url("/noorderveen/postvak/signalen"));
        await Axe.AssertAccessibleAsync(staff, "signal register");
        await staff.GetByLabel("Titel van het signaal").FillAsync($"Kinderen worden naar huis gestuurd ({marker})");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Maak signaal", Exact = true }).ClickAsync();
        await staff.WaitForSelectorAsync("label:has-text('Beschrijving')");
        await Axe.AssertAccessibleAsync(staff, "signal edit");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Koppel verhaal" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=1 gekoppeld verhaal");
        await staff.GetByLabel("Beschrijving", new() { Exact = false }).FillAsync("Ouders vertellen dat scholen kinderen naar huis sturen zonder plan.");
        await staff.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Teruggekoppeld" });
        await staff.GetByLabel("Reactie van het bestuur").FillAsync("Het bestuur spreekt scholen hierop aan.");
        await staff.GetByLabel("Terugkoppeling voor ouders en jongeren", new() { Exact = false }).FillAsync($"Scholen mogen kinderen niet zomaar naar huis sturen. Het samenwerkingsverband heeft dit met alle scholen besproken. ({marker})");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=1 gekoppeld verhaal");

        // Staff publish the report for the board.
        await staff.GotoAsync(browser.Url("/noorderveen/rapportage"));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publiceer voor het bestuur" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=De rapportage is gepubliceerd");
        await Axe.AssertAccessibleAsync(staff, "report after publishing");

        // The board member reads the report and the register.
        var board = await browser.SignInAsync("noorderveen", "bestuur@noorderveen.example", "Rapportage voor het bestuur");
        await Axe.AssertAccessibleAsync(board, "board report");
        var report = await board.InnerTextAsync("main");
        Assert.Contains($"Kinderen worden naar huis gestuurd ({marker})", report, StringComparison.Ordinal);
        Assert.Contains("[naam]", report, StringComparison.Ordinal); // the reviewed quote, redacted
        Assert.DoesNotContain("Annemiek", report, StringComparison.Ordinal);
        await board.GotoAsync(browser.Url("/noorderveen/rapportage/signalen"));
        await Axe.AssertAccessibleAsync(board, "board signal register");
        await board.GotoAsync(browser.Url("/noorderveen/postvak/verhalen"));
        Assert.Contains("Deze pagina bestaat niet", await board.InnerTextAsync("main"), StringComparison.Ordinal);

        // Everyone reads what was done.
        var anyone = await browser.NewPageAsync(width: 320);
        await anyone.GotoAsync(browser.Url("/noorderveen/jullie-zeiden-wij-deden"));
        Assert.Contains($"met alle scholen besproken. ({marker})", await anyone.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(anyone, "public feedback at 320px", reflow: true);
        Assert.Empty(browser.ThirdPartyRequests);
    }
}
