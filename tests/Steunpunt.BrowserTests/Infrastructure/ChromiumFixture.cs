using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Steunpunt.BrowserTests.Infrastructure.ChromiumFixture))]

namespace Steunpunt.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, launched once per test process: each launch (the Playwright driver and the browser)
/// costs about 1.5 s of processor time, and tests work in browser contexts of their own (see BrowserFixture).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
