using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.National;

/// <summary>The coordinator fills in the leidraad and the SWV's plans on a phone: axe at 320 px before and after saving.</summary>
public sealed class LeidraadJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_marks_an_item_and_adds_a_milestone_on_a_phone()
    {
        var page = await browser.SignInAsync("noorderveen", "coordinator@noorderveen.example", "Postvak");
        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync(browser.Url("/noorderveen/postvak/team"));
        await page.GetByRole(AriaRole.Link, new() { Name = "de leidraad: hoe staan we ervoor?" }).ClickAsync();
        await page.WaitForSelectorAsync("h1:has-text('Leidraad')");
        await Axe.AssertAccessibleAsync(page, "leidraad at 320px", reflow: true);

        var item = page.Locator("section:has(h2#A11)");
        await item.GetByLabel("Deels").CheckAsync();
        await item.GetByLabel("Wat laat het zien?").FillAsync("Klankbordgroep komt 3 keer per jaar; een jongerenpanel zoeken we nog.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Bewaar A11" }).ClickAsync();
        await page.WaitForSelectorAsync("p[role=status]:has-text('A11 is opgeslagen')");
        Assert.True(await page.Locator("section:has(h2#A11)").GetByLabel("Deels").IsCheckedAsync());
        // What the app knows it fills in itself: no choice to make there.
        Assert.Contains("Stand volgens de app", await page.Locator("section:has(h2#A7)").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("section:has(h2#A7) input[type=radio]").CountAsync());
        await Axe.AssertAccessibleAsync(page, "leidraad after saving at 320px", reflow: true);

        // The SWV's plans: a milestone with a date that is not one keeps what was typed.
        await page.GetByRole(AriaRole.Link, new() { Name = "plannen voor steunen en signaleren" }).ClickAsync();
        await page.WaitForSelectorAsync("h1:has-text('Plannen voor steunen en signaleren')");
        await Axe.AssertAccessibleAsync(page, "plans at 320px", reflow: true);
        var plan = page.Locator("section").Filter(new() { HasText = "plan voor signaleren" }).First;
        await plan.GetByLabel("Nieuwe mijlpaal").FillAsync("Eerste signalenrapportage aan het bestuur");
        await plan.GetByLabel("Klaar op (datum)").FillAsync("2027-03-01");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Zet de mijlpaal erbij" }).ClickAsync();
        await page.WaitForSelectorAsync("p[role=status]:has-text('Het plan is opgeslagen')");
        Assert.Contains("Eerste signalenrapportage aan het bestuur, uiterlijk 1 maart 2027", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page, "plans after a milestone at 320px", reflow: true);
    }
}
