using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

public sealed class SearchSuggestionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Suggestions_follow_the_combobox_pattern_and_pass_axe()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/rivierenland/"));
        var input = page.Locator("#zoek-home");
        Assert.Equal("combobox", await input.GetAttributeAsync("role"));
        Assert.Equal("false", await input.GetAttributeAsync("aria-expanded"));

        await input.PressSequentiallyAsync("leerlingenvervoer");
        await page.WaitForSelectorAsync("#zoek-home + [role=listbox] [role=option]");
        Assert.Equal("true", await input.GetAttributeAsync("aria-expanded"));
        var listbox = await input.GetAttributeAsync("aria-controls");
        Assert.Contains("Hoe vraag ik leerlingenvervoer aan?", await page.InnerTextAsync($"#{listbox}"), StringComparison.Ordinal);
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await input.PressAsync("ArrowDown");
        var active = await input.GetAttributeAsync("aria-activedescendant");
        Assert.NotNull(active);
        Assert.Equal("true", await page.GetAttributeAsync($"#{active}", "aria-selected"));
        await input.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('leerlingenvervoer')");
        Assert.Contains("/rivierenland/informatie/", page.Url, StringComparison.Ordinal);
        Assert.Empty(browser.ThirdPartyRequests);
    }

    [Fact]
    public async Task Escape_closes_the_suggestions_and_enter_still_submits_the_form()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/rivierenland/zoeken"));
        var input = page.Locator("#zoek-pagina");
        await input.PressSequentiallyAsync("gepest");
        await page.WaitForSelectorAsync("#zoek-pagina + [role=listbox] [role=option]");
        await input.PressAsync("Escape");
        Assert.Equal("false", await input.GetAttributeAsync("aria-expanded"));
        await input.PressAsync("Enter");
        await page.WaitForSelectorAsync("h2#resultaten");
        Assert.Contains("q=gepest", page.Url, StringComparison.Ordinal);
    }
}
