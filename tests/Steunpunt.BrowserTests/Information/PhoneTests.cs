using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>A parent on a phone: 320 CSS pixels wide, often without scripts.</summary>
public sealed class PhoneTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/rivierenland/")]
    [InlineData("/rivierenland/informatie/wat-is-een-tlv")]
    [InlineData("/rivierenland/zoeken?q=thuis")]
    [InlineData("/")]
    public async Task At_320px_the_header_takes_at_most_a_third_of_the_first_screen_and_the_menu_opens_without_scripts(string path)
    {
        // A small phone: 320 by 568 CSS pixels.
        var page = await browser.NewPageAsync(width: 320, javaScript: false, height: 568);
        await page.GotoAsync(browser.Url(path));
        var header = await page.EvaluateAsync<double>("() => document.querySelector('.site-header').getBoundingClientRect().height");
        var screen = await page.EvaluateAsync<double>("() => window.innerHeight");
        Assert.True(header <= screen / 3, $"{path}: the header is {header}px of a {screen}px screen.");
        Assert.True(await page.Locator("main h1").IsVisibleAsync());

        // The menu is one button; it opens and shows the links, and its contents are keyboard reachable.
        Assert.False(await page.Locator(".small-menu nav a").First.IsVisibleAsync());
        await page.FocusAsync(".small-menu summary");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.Locator(".small-menu nav a").First.IsVisibleAsync());

        // axe needs scripts to run; the page it checks is the same, with the menu open.
        var check = await browser.NewPageAsync(width: 320, height: 568);
        await check.GotoAsync(browser.Url(path));
        await check.ClickAsync(".small-menu summary");
        Assert.Empty(await Axe.ViolationsAsync(check));
    }

    [Fact]
    public async Task A_term_is_explained_at_320px_without_scripts_by_keyboard_and_the_explanation_passes_axe()
    {
        var page = await browser.NewPageAsync(width: 320, javaScript: false);
        await page.GotoAsync(browser.Url("/rivierenland/informatie/wat-is-een-opp"));
        var term = page.Locator("main .begrip-knop").First;
        var id = await term.GetAttributeAsync("popovertarget");
        var explanation = page.Locator("#" + id);
        await term.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await explanation.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        // It fits the screen, holds the definition and a link to the term, and the page reads on after closing.
        var box = (await explanation.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 320, $"The explanation is at {box.X}..{box.X + box.Width}.");
        Assert.True((await explanation.InnerTextAsync()).Length > 20);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        Assert.Contains("/begrippen/", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");
        await explanation.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        // The words of the page are listed at its end too, which is also what prints.
        Assert.True(await page.Locator(".page-words dt").CountAsync() >= 1);

        // axe needs scripts to run: the same page with the explanation open.
        var check = await browser.NewPageAsync(width: 320, height: 568);
        await check.GotoAsync(browser.Url("/rivierenland/informatie/wat-is-een-opp"));
        await check.Locator("main .begrip-knop").First.ClickAsync();
        await check.Locator("#" + id).WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Empty(await Axe.ViolationsAsync(check));
        Assert.Empty(browser.ThirdPartyRequests);
    }
}
