using Microsoft.Extensions.DependencyInjection;
using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Data;

namespace Steunpunt.BrowserTests.Information;

/// <summary>The demo app serving pages while its search index waits to be built: a start-up step before the index
/// waits until the class is done (as in SearchStartTests), so the index is never built while the test looks.</summary>
public sealed class SearchStartingFixture(ChromiumFixture chromium) : BrowserFixture(chromium)
{
    public override ValueTask InitializeAsync() => StartServingAsync(services =>
    {
        var at = services.ToList().FindIndex(d => d.ImplementationInstance is StartupStep { Name: "search index" });
        Assert.True(at >= 0, "The app has no start-up step named 'search index'.");
        // Waits until the app stops.
        services.Insert(at, ServiceDescriptor.Singleton(new StartupStep("held", (_, ct) => Task.Delay(Timeout.Infinite, ct), WhileServing: true)));
    });
}

/// <summary>
/// While the search index is still being built, the search page says "Even geduld" and keeps the question in the
/// form. That page, as a worried parent on a phone meets it, passes axe and does not scroll sideways.
/// </summary>
public sealed class SearchWhileStartingTests(SearchStartingFixture browser) : IClassFixture<SearchStartingFixture>
{
    [Fact]
    public async Task The_wait_a_moment_search_page_passes_axe_on_desktop_and_at_320px_and_keeps_the_question()
    {
        Assert.False(browser.App.Services.GetRequiredService<Readiness>().IsReady);
        var page = await browser.NewPageAsync(width: 320);
        var response = await page.GotoAsync(browser.Url("/rivierenland/zoeken?q=thuiszitten"));
        Assert.Equal(503, response!.Status);
        Assert.Contains("Even geduld", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("thuiszitten", await page.InputValueAsync("main input[name=q]"));
        await Axe.AssertAccessibleAsync(page, "search while starting at 320px", reflow: true);

        await page.SetViewportSizeAsync(1280, 900);
        await Axe.AssertAccessibleAsync(page, "search while starting at 1280px");
        Assert.Empty(browser.ThirdPartyRequests);
    }
}
