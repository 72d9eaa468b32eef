using Microsoft.Playwright;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.Infrastructure;

/// <summary>The app on real Kestrel (127.0.0.1, random port) with the demo steunpunten, and Debian's Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public SteunpuntApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public string Url(string path) => App.ServerAddress.TrimEnd('/') + path;

    public async ValueTask InitializeAsync()
    {
        App = await SteunpuntApp.StartAsync(Databases.Sqlite, demo: true, kestrel: true);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, JavaScriptEnabled = javaScript, Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        // Nothing may leave the machine: every request must go to our own server.
        // Our own server, also under a demo steunpunt's own host name (rivierenland.localhost resolves to loopback).
        var own = new Uri(App.ServerAddress).Port;
        await page.RouteAsync("**/*", async route =>
        {
            var target = new Uri(route.Request.Url);
            if (target.Scheme is "data" or "about"
                || (target.Port == own && (target.Host is "127.0.0.1" or "localhost" || target.Host.EndsWith(".localhost", StringComparison.Ordinal))))
            {
                await route.ContinueAsync();
            }
            else
            {
                ThirdPartyRequests.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return page;
    }

    public System.Collections.Concurrent.ConcurrentBag<string> ThirdPartyRequests { get; } = [];

    public async Task<IPage> SignInAsEditorAsync(string site)
    {
        var email = $"redactie@{site}.example";
        var page = await NewPageAsync();
        await page.GotoAsync(Url($"/{site}/account/inloggen"));
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", SteunpuntApp.Password);
        await page.ClickAsync("main button[type=submit]");
        try
        {
            await page.WaitForSelectorAsync("h1:has-text('Beheer')", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Sign-in did not reach the editor pages; at {page.Url}:\n{await page.InnerTextAsync("body")}");
        }
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
