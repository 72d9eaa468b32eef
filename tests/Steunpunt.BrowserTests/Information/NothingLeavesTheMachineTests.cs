using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>The guard the other browser tests rely on when they assert that no page asked another host for anything
/// (BrowserFixture.NewPageAsync): such a request is listed and does not load (also one over https, and
/// one to another server on this machine), and our own requests are not listed.</summary>
public sealed class NothingLeavesTheMachineTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_request_to_another_host_is_listed_and_does_not_load_and_our_own_requests_are_not_listed()
    {
        var page = await browser.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(browser.Url("/rivierenland")))!.Status);
        Assert.Empty(browser.ThirdPartyRequests);

        // A blank page has no content security policy of ours, so the browser really asks for the images: one from
        // another host, one from another host over https, and one from another server on this machine.
        var elsewhere = $"http://127.0.0.1:{Steunpunt.Tests.Infrastructure.AppProcess.FreePort()}/pixel.gif";
        await page.GotoAsync("about:blank");
        await page.SetContentAsync($"""
            <img src="http://tracker.example/pixel.gif" alt=""><img src="https://tracker.example/secure.gif" alt="">
            <img src="{elsewhere}" alt="">
            """);
        var loaded = await page.EvaluateAsync<string[]>("""
            () => Promise.all([...document.images].map(img => new Promise(done => {
              if (img.complete) { done(img.naturalWidth > 0 ? 'loaded' : 'failed'); return; }
              img.onload = () => done('loaded'); img.onerror = () => done('failed');
            })))
            """);

        Assert.Equal(["failed", "failed", "failed"], loaded);
        string[] asked = ["http://tracker.example/pixel.gif", "https://tracker.example:443", elsewhere];
        Assert.Equal(asked.Order(StringComparer.Ordinal), browser.ThirdPartyRequests.Order(StringComparer.Ordinal));
    }
}
