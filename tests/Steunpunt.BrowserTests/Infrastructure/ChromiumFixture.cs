using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Steunpunt.BrowserTests.Infrastructure.ChromiumFixture))]

namespace Steunpunt.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, launched once per test process: each launch (the Playwright driver and the browser)
/// costs about 1.5 s of processor time, and tests work in browser contexts of their own (see BrowserFixture). The
/// browser is CHROMIUM_PATH, else Chromium's headless shell (Debian's chromium-headless-shell: the same engine as a
/// headless program only, about half the processor time per page), else the full chromium.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path
                : File.Exists(HeadlessShell) ? HeadlessShell : "/usr/bin/chromium",
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
