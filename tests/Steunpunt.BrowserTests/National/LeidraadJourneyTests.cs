using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.National;

/// <summary>The coordinator fills in the leidraad on a phone: axe at 320 px before and after saving an item.</summary>
public sealed class LeidraadJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_marks_an_item_on_a_phone()
    {
        var page = await browser.SignInAsync("noorderveen", "coordinator@noorderveen.example", "Postvak");
        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync(browser.Url("/noorderveen/postvak/team"));
        await page.GetByRole(AriaRole.Link, new() { Name = "de leidraad: hoe staan we ervoor?" }).ClickAsync();
        await page.WaitForSelectorAsync("h1:has-text('Leidraad')");
        await Axe.AssertAccessibleAsync(page, "leidraad at 320px", reflow: true);

        var item = page.Locator("section:has(h2#A13)");
        await item.GetByLabel("Deels").CheckAsync();
        await item.GetByLabel("Wat laat het zien?").FillAsync("Rapportage aan het bestuur in juni; reactie volgt.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Bewaar A13" }).ClickAsync();
        await page.WaitForSelectorAsync("p[role=status]:has-text('A13 is opgeslagen')");
        Assert.True(await page.Locator("section:has(h2#A13)").GetByLabel("Deels").IsCheckedAsync());
        await Axe.AssertAccessibleAsync(page, "leidraad after saving at 320px", reflow: true);
    }
}
