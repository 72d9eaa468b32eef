using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Every public page type, on the national site and in a steunpunt.</summary>
    public static TheoryData<string> PublicPages => new(
        "/",
        "/?zoek=Molenbroek",
        "/?zoek=onbekend-dorp",
        "/steunpunten",
        "/begrippen",
        "/rivierenland/",
        "/rivierenland/jongeren",
        "/rivierenland/thema/speciaal-onderwijs-en-tlv",
        "/rivierenland/thema/thuiszitten-en-verzuim?voor=jongeren",
        "/rivierenland/informatie/wat-is-een-tlv",
        "/rivierenland/informatie/hoe-meld-ik-mijn-kind-aan",
        "/rivierenland/informatie/ik-wil-niet-meer-naar-school",
        "/rivierenland/begrippen",
        "/rivierenland/begrippen/schoolondersteuningsprofiel",
        "/rivierenland/contact",
        "/rivierenland/bij-wie-moet-je-zijn",
        "/rivierenland/sociale-kaart",
        "/rivierenland/sociale-kaart?gemeente=Zandvliet",
        "/rivierenland/over-ons",
        "/rivierenland/privacy",
        "/rivierenland/toegankelijkheid",
        "/rivierenland/zoeken?q=thuis",
        "/rivierenland/zoeken?q=xyzzy",
        "/rivierenland/zoeken?q=toelaatbaarheidsverklaaring",
        "/rivierenland/zoeken?voor=jongeren&q=gepest",
        "/rivierenland/zoeken?q=rugzakje",
        "/rivierenland/begrippen/toelaatbaarheidsverklaring",
        "/rivierenland/informatie/wat-is-een-opp",
        "/rivierenland/informatie/bestaat-niet",
        "/rivierenland/account/inloggen",
        "/rivierenland/vraag-stellen",
        "/rivierenland/gesprek",
        "/rivierenland/gesprek/AAAAAAAAAAAAAAAAAAAAAA",
        "/rivierenland/vertel",
        "/rivierenland/account/wachtwoord-instellen",
        "/rivierenland/account/wachtwoord-vergeten",
        "/rivierenland/account/nieuw-wachtwoord",
        "/rivierenland/jullie-zeiden-wij-deden");

    [Theory, MemberData(nameof(PublicPages))]
    public async Task A_public_page_has_no_axe_violations_on_desktop_and_at_320px(string path)
    {
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await browser.NewPageAsync(width);
            await page.GotoAsync(browser.Url(path));
            var violations = await Axe.ViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{path} at {width}px:\n" + string.Join("\n", violations));
            if (width == 320)
            {
                // Reflow: no horizontal scrolling at 320 CSS pixels.
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 320px.");
            }
            await page.Context.CloseAsync();
        }
        Assert.Empty(browser.ThirdPartyRequests);
    }

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
            </body></html>
            """);
        var violations = await Axe.ViolationsAsync(page);
        foreach (var rule in new[] { "html-has-lang", "image-alt", "label", "link-name", "document-title", "landmark-one-main" })
        {
            Assert.Contains(violations, v => v.StartsWith(rule + " ", StringComparison.Ordinal));
        }
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
