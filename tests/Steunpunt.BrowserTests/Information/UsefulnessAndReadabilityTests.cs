using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>"Was dit nuttig?" under an article, and the readability advice beside the editor: by keyboard, at 320 px,
/// without JavaScript, and axe clean (axe runs on the pages with JavaScript only).</summary>
public sealed class UsefulnessAndReadabilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_reader_answers_nee_by_keyboard_and_tells_what_was_missed()
    {
        var page = await browser.NewPageAsync(320);
        await page.GotoAsync(browser.Url("/rivierenland/informatie/wat-is-een-tlv"));
        await Axe.AssertAccessibleAsync(page, "article with the vote form", reflow: true);

        await page.FocusAsync("button[value=nee]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/nuttig?stem=", StringComparison.Ordinal));
        await Axe.AssertAccessibleAsync(page, "wat miste u?", reflow: true);

        await page.FocusAsync("textarea");
        await page.Keyboard.TypeAsync("Ik miste wie de aanvraag doet.");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Verstuur", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('Dank u wel')");
        await Axe.AssertAccessibleAsync(page, "thanks", reflow: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_vote_works_without_JavaScript()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync(browser.Url("/rivierenland/informatie/hoe-meld-ik-mijn-kind-aan"));
        await page.ClickAsync("button[value=ja]");
        await page.WaitForSelectorAsync("h1:has-text('Dank u wel')");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_editor_sees_readability_advice_after_voorbeeld()
    {
        var page = await browser.SignInAsEditorAsync("rivierenland");
        await page.GotoAsync(browser.Url("/rivierenland/beheer/item"));
        await page.FillAsync("#Input_Question", "Hoe gaat de toelating?");
        await page.FillAsync("#Input_ShortAnswer", "Dat duurt even. De school helpt u.");
        await page.FillAsync("#Input_Explanation",
            "Na de beoordeling van de aanvraag door het samenwerkingsverband wordt de toelaatbaarheidsverklaring door de commissie " +
            "van deskundigen binnen zes weken geëffectueerd, teneinde de plaatsing van de leerling in het speciaal onderwijs te " +
            "bewerkstelligen. Het ZAT en het CvB worden hierover geïnformeerd. Je kunt bezwaar maken.");
        await page.SelectOptionAsync("#Input_ThemeCode", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await page.ClickAsync("button:has-text('Voorbeeld')");
        await page.WaitForSelectorAsync(".readability-long");
        Assert.Contains("teneinde", await page.InnerTextAsync(".readability-words"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page, "editor with readability advice");
        await page.SetViewportSizeAsync(320, 900);
        await Axe.AssertAccessibleAsync(page, "editor with readability advice at 320px", reflow: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_JavaScript_the_advice_follows_the_typing()
    {
        var page = await browser.SignInAsEditorAsync("rivierenland");
        await page.GotoAsync(browser.Url("/rivierenland/beheer/item"));
        await page.FillAsync("#Input_Question", "Hoe gaat de toelating?");
        await page.FocusAsync("#Input_Explanation");
        await page.Keyboard.TypeAsync("Het ZAT en het CvB worden teneinde de plaatsing van de leerling te bewerkstelligen hierover geïnformeerd. Je kunt bezwaar maken.");
        await page.WaitForSelectorAsync(".readability-words");
        Assert.Contains("teneinde", await page.InnerTextAsync(".readability-words"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page, "editor with live readability advice");
        await page.Context.CloseAsync();
    }
}
