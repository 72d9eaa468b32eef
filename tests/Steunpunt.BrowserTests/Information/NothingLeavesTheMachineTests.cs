using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>The guard the other browser tests rely on when they assert that no page asked another host for anything
/// (BrowserFixture.NewPageAsync): such a request is listed and does not load (also one over https, and one to another
/// server on this machine), and our own requests are not listed.</summary>
public sealed class NothingLeavesTheMachineTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] s_pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    [Fact]
    public async Task A_request_to_another_host_is_listed_and_does_not_load_and_our_own_requests_are_not_listed()
    {
        // Two servers of the test's own on this machine: one serves a page without a content security policy (allowed
        // for this page, as a test may allow its own server), so the browser really asks for the images on it; the
        // other serves the image the page shows last, and is not allowed. That image is there (as the counter-check
        // below shows), so only the guard keeps it from loading.
        var (pagePort, imagePort) = (AppProcess.FreePort(), AppProcess.FreePort());
        Assert.NotEqual(pagePort, imagePort);
        var elsewhere = $"http://127.0.0.1:{imagePort}/pixel.gif";
        var html = System.Text.Encoding.UTF8.GetBytes($"""
            <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Plaatjes</title></head><body>
            <img src="http://tracker.example/pixel.gif" alt=""><img src="https://tracker.example/secure.gif" alt="">
            <img src="{elsewhere}" alt=""></body></html>
            """);
        using var listener = new System.Net.HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{pagePort}/");
        listener.Prefixes.Add($"http://127.0.0.1:{imagePort}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                System.Net.HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (!listener.IsListening)
                {
                    return;
                }
                var image = context.Request.Url!.Port == imagePort;
                context.Response.ContentType = image ? "image/gif" : "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(image ? s_pixel : html);
                context.Response.Close();
            }
        });
        using (var direct = new HttpClient())
        {
            Assert.Equal(s_pixel, await direct.GetByteArrayAsync(elsewhere));
        }

        var page = await browser.NewPageAsync(alsoAllowed: $"127.0.0.1:{pagePort}");
        Assert.Equal(200, (await page.GotoAsync(browser.Url("/rivierenland")))!.Status);
        Assert.Empty(browser.ThirdPartyRequests);

        Assert.Equal(200, (await page.GotoAsync($"http://127.0.0.1:{pagePort}/"))!.Status);
        var loaded = await page.EvaluateAsync<string[]>("""
            () => Promise.all([...document.images].map(img => new Promise(done => {
              if (img.complete) { done(img.naturalWidth > 0 ? 'loaded' : 'failed'); return; }
              img.onload = () => done('loaded'); img.onerror = () => done('failed');
            })))
            """);

        Assert.Equal(["failed", "failed", "failed"], loaded);
        string[] asked = ["http://tracker.example/pixel.gif", "https://tracker.example:443", elsewhere];
        Assert.Equal(asked.Order(StringComparer.Ordinal), browser.ThirdPartyRequests.Order(StringComparer.Ordinal));
        listener.Stop();
        await serving;
    }
}
