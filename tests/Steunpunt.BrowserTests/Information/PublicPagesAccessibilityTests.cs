using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>
/// Every public page type, on the national site and in a steunpunt, checked with axe at desktop width and at 320 px
/// (with reflow). The pages are split over three classes so that two run at a time on two cores (more with more cores):
/// xUnit runs the rows of one theory one after the other.
/// </summary>
public static class PublicPagesAccessibility
{
    public static async Task AssertAsync(BrowserFixture browser, string path)
    {
        // The rows of a class run one after the other, so they share one page (its cookies cleared, as for a new
        // visitor): a new browser context costs a new renderer process. The page is loaded at desktop width, checked,
        // narrowed to 320 px and checked again: narrowing the window reflows the page as zooming in does, which is
        // what reflow (WCAG 1.4.10) is about. Our pages decide nothing by width in scripts; only CSS media queries do.
        var page = await browser.OnePageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(browser.Url(path));
        await Axe.AssertAccessibleAsync(page, $"{path} at 1280px");
        await page.SetViewportSizeAsync(320, 900);
        await Axe.AssertAccessibleAsync(page, $"{path} at 320px", reflow: true);
        Assert.Empty(browser.ThirdPartyRequests);
    }
}

/// <summary>Information: the national and regional home pages, themes, articles (also one that does not exist).</summary>
public sealed class InformationPagesAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Pages => new(
        "/",
        "/?zoek=Molenbroek",
        "/?zoek=onbekend-dorp",
        "/steunpunten",
        "/rivierenland/",
        "/rivierenland/jongeren",
        "/rivierenland/thema/speciaal-onderwijs-en-tlv",
        "/rivierenland/thema/thuiszitten-en-verzuim?voor=jongeren",
        "/rivierenland/informatie/wat-is-een-tlv",
        "/rivierenland/informatie/hoe-meld-ik-mijn-kind-aan",
        "/rivierenland/informatie/ik-wil-niet-meer-naar-school",
        "/rivierenland/informatie/wat-is-een-opp",
        "/rivierenland/informatie/bestaat-niet");

    [Theory, MemberData(nameof(Pages))]
    public Task A_public_page_has_no_axe_violations_on_desktop_and_at_320px(string path) => PublicPagesAccessibility.AssertAsync(browser, path);
}

/// <summary>Finding your way: the glossary, search, contact, the route and the social map.</summary>
public sealed class FindingYourWayAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Pages => new(
        "/begrippen",
        "/rivierenland/begrippen",
        "/rivierenland/begrippen/schoolondersteuningsprofiel",
        "/rivierenland/begrippen/toelaatbaarheidsverklaring",
        "/rivierenland/zoeken?q=thuis",
        "/rivierenland/zoeken?q=xyzzy",
        "/rivierenland/zoeken?q=toelaatbaarheidsverklaaring",
        "/rivierenland/zoeken?voor=jongeren&q=gepest",
        "/rivierenland/zoeken?q=rugzakje",
        "/rivierenland/contact",
        "/rivierenland/bij-wie-moet-je-zijn",
        "/rivierenland/sociale-kaart",
        "/rivierenland/sociale-kaart?gemeente=Zandvliet");

    [Theory, MemberData(nameof(Pages))]
    public Task A_public_page_has_no_axe_violations_on_desktop_and_at_320px(string path) => PublicPagesAccessibility.AssertAsync(browser, path);
}

/// <summary>The pages about the steunpunt, and the forms: asking, telling, the conversation, accounts, and what was done.</summary>
public sealed class FormPagesAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Pages => new(
        "/rivierenland/over-ons",
        "/rivierenland/privacy",
        "/rivierenland/toegankelijkheid",
        "/rivierenland/account/inloggen",
        "/rivierenland/vraag-stellen",
        "/rivierenland/gesprek",
        "/rivierenland/gesprek/AAAAAAAAAAAAAAAAAAAAAA",
        "/rivierenland/vertel",
        "/rivierenland/account/wachtwoord-instellen",
        "/rivierenland/account/wachtwoord-vergeten",
        "/rivierenland/account/nieuw-wachtwoord",
        "/rivierenland/jullie-zeiden-wij-deden");

    [Theory, MemberData(nameof(Pages))]
    public Task A_public_page_has_no_axe_violations_on_desktop_and_at_320px(string path) => PublicPagesAccessibility.AssertAsync(browser, path);
}
