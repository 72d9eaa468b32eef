using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>The axe check itself, and the editor's pages. The public pages are in <see cref="PublicPagesAccessibility"/>.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_axe_check_fails_on_a_deliberately_broken_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/"));
        await page.SetContentAsync("""
            <html><head></head><body>
            <div>Tekst zonder kop en zonder hoofdinhoud</div>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <input type="text">
            <a href="/x"></a>
            <iframe title="Ingesloten" srcdoc="<html lang='nl'><body><img id='in-frame' src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></body></html>"></iframe>
            </body></html>
            """);
        var violations = await Axe.ViolationsAsync(page);
        foreach (var rule in new[] { "html-has-lang", "image-alt", "label", "link-name", "document-title", "landmark-one-main" })
        {
            Assert.Contains(violations, v => v.StartsWith(rule + " ", StringComparison.Ordinal));
        }
        // Content inside a frame is checked too.
        Assert.True(violations.Any(v => v.StartsWith("image-alt ", StringComparison.Ordinal) && v.Contains("#in-frame", StringComparison.Ordinal)),
            string.Join("\n", violations));
    }

    [Fact]
    public async Task Editor_pages_have_no_axe_violations_also_with_errors_shown()
    {
        var page = await browser.SignInAsEditorAsync("rivierenland");
        Assert.Empty(await Axe.ViolationsAsync(page));
        await page.GotoAsync(browser.Url("/rivierenland/beheer/item"));
        Assert.Empty(await Axe.ViolationsAsync(page));
        await page.ClickAsync("button:has-text('Publiceren')");
        await page.WaitForSelectorAsync(".error-summary");
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.ClickAsync("text=Beheer");
        await page.ClickAsync("text=Wat is een toelaatbaarheidsverklaring (TLV)?");
        violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        foreach (var path in new[] { "/rivierenland/beheer/pagina/over-ons", "/rivierenland/beheer/contact", "/rivierenland/beheer/sociale-kaart", "/rivierenland/beheer/zoekvragen", "/rivierenland/beheer/synoniemen", "/rivierenland/beheer/begrippen", "/rivierenland/beheer/begrip" })
        {
            await page.GotoAsync(browser.Url(path));
            violations = await Axe.ViolationsAsync(page);
            Assert.True(violations.Count == 0, path + "\n" + string.Join("\n", violations));
        }
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, "term form with errors\n" + string.Join("\n", violations));
    }
}
