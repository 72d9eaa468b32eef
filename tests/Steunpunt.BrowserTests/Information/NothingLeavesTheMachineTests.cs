using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>The guard the other browser tests rely on when they assert that no page asked another host for anything
/// (BrowserFixture.NewPageAsync): such a request is listed and does not load, and our own requests are not listed.</summary>
public sealed class NothingLeavesTheMachineTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_request_to_another_host_is_listed_and_does_not_load_and_our_own_requests_are_not_listed()
    {
        var page = await browser.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(browser.Url("/rivierenland")))!.Status);
        Assert.Empty(browser.ThirdPartyRequests);

        // A blank page has no content security policy of ours, so the browser really asks for the image.
        await page.GotoAsync("about:blank");
        await page.SetContentAsync("""<img id="pixel" src="http://tracker.example/pixel.gif" alt="">""");
        var loaded = await page.EvaluateAsync<string>("""
            () => new Promise(done => {
              const img = document.getElementById('pixel');
              if (img.complete) { done(img.naturalWidth > 0 ? 'loaded' : 'failed'); return; }
              img.onload = () => done('loaded'); img.onerror = () => done('failed');
            })
            """);

        Assert.Equal("failed", loaded);
        Assert.Equal(["http://tracker.example/pixel.gif"], browser.ThirdPartyRequests.ToArray());
    }
}
