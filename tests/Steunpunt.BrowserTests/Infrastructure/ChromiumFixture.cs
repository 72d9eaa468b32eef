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
            // --jitless: V8 runs JavaScript in its interpreter only, without compiling it to machine code. Every page a
            // test opens lives for seconds, and each check loads axe-core (650 kB of JavaScript) into a fresh page:
            // sampled with perf, compiling that again and again on V8's background threads was about a fifth of the
            // machine's processor time in this module. The JavaScript means the same (only WebAssembly, which no page
            // of ours uses, is off). Measured by hand on two cores: the module took 154 s against 188-196 s without,
            // and 164 s with only the optimising compilers off (--no-turbofan --no-maglev).
            // WebRTC may send UDP only through the proxy, which has none: nothing leaves the machine past the browser
            // contexts' proxy (BrowserFixture.NewPageAsync) that way either.
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--js-flags=--jitless",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
