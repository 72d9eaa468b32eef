using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Steunpunt.Data;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.Infrastructure;

/// <summary>The app on real Kestrel (127.0.0.1, random port) with the demo steunpunten, one per test class, and the
/// run's Chromium. The browser contexts a class opened are closed when the class is done.</summary>
public class BrowserFixture(ChromiumFixture chromium) : IAsyncLifetime
{
    public SteunpuntApp App { get; private set; } = null!;
    public IBrowser Browser => chromium.Browser;
    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];

    public string Url(string path) => App.ServerAddress.TrimEnd('/') + path;

    public virtual async ValueTask InitializeAsync() => App = await StartAsync(waitUntilReady: true, services: null);

    /// <summary>Starts the app with these service changes and returns once it serves pages, possibly before every
    /// start-up step is done (for a fixture that overrides <see cref="InitializeAsync"/>).</summary>
    protected async ValueTask StartServingAsync(Action<IServiceCollection> services)
    {
        App = await StartAsync(waitUntilReady: false, services);
        await App.Services.GetRequiredService<Readiness>().WaitUntilServingAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
    }

    // The demo steunpunten on Kestrel, serving axe-core to the pages (Axe.Serve) besides the fixture's own changes.
    private static Task<SteunpuntApp> StartAsync(bool waitUntilReady, Action<IServiceCollection>? services) =>
        SteunpuntApp.StartAsync(Databases.Sqlite, demo: true, kestrel: true, waitUntilReady: waitUntilReady, services: s =>
        {
            Axe.Serve(s);
            services?.Invoke(s);
        });

    /// <summary>A new browser context and page. Nothing may leave the machine: the context sends every request to
    /// <see cref="ThirdPartyProxy"/>, which writes it down in <see cref="ThirdPartyRequests"/> and refuses it, except
    /// those for our own server, also under a demo steunpunt's own host name (rivierenland.localhost resolves to
    /// loopback), and for <paramref name="alsoAllowed"/> (a test's own other server, as "127.0.0.1:port").</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, bool javaScript = true, int height = 900, string? alsoAllowed = null)
    {
        var own = new Uri(App.ServerAddress).Port;
        // Chromium's bypass list, with the port: only our server goes past the proxy, not anything else on this machine.
        var bypass = $"127.0.0.1:{own},localhost:{own},*.localhost:{own}" + (alsoAllowed is null ? "" : "," + alsoAllowed);
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "nl-NL",
            Proxy = new() { Server = _proxy.Server, Bypass = bypass },
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    private Task<IPage>? _onePage;

    /// <summary>One page for the whole class, for tests that only read public pages one after another (the rows of a
    /// theory); its cookies are cleared for each row. A page that failed or was closed is replaced. Tests that sign
    /// in, post or need a clean browser take <see cref="NewPageAsync"/>.</summary>
    public async Task<IPage> OnePageAsync()
    {
        if (_onePage is null || !_onePage.IsCompletedSuccessfully || (await _onePage).IsClosed)
        {
            _onePage = NewPageAsync();
        }
        var page = await _onePage;
        await page.Context.ClearCookiesAsync();
        return page;
    }

    private readonly ThirdPartyProxy _proxy = new();

    /// <summary>What the pages of this class asked other hosts for (see <see cref="NewPageAsync"/>).</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> ThirdPartyRequests => _proxy.Requests;

    public Task<IPage> SignInAsEditorAsync(string site) => SignInAsync(site, $"redactie@{site}.example", "Beheer");

    // The authenticator key of each demo account, once set up in this browser session (as the person's phone holds it).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _keys = new();

    /// <summary>Signs in through the pages, both steps: the first time the second step is set up (the key read from
    /// the page, as a person types it into their app), after that a fresh code from that key.</summary>
    public async Task<IPage> SignInAsync(string site, string email, string landingHeading)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url(site.Length == 0 ? "/account/inloggen" : $"/{site}/account/inloggen"));
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", SteunpuntApp.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("h1:has-text('Inloggen in twee stappen instellen'), h1:has-text('Inloggen: tweede stap')");
        if (await page.Locator("code[data-key]").CountAsync() > 0)
        {
            _keys[email] = (await page.Locator("code[data-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        }
        await page.FillAsync("#Code", SteunpuntApp.NextCodeFor(_keys[email]));
        await page.ClickAsync("main button[type=submit]");
        try
        {
            await page.WaitForSelectorAsync($"h1:has-text('{landingHeading}')", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Sign-in did not reach '{landingHeading}'; at {page.Url}:\n{await page.InnerTextAsync("body")}");
        }
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var context in _contexts)
            {
                await context.CloseAsync();
            }
        }
        finally
        {
            await _proxy.DisposeAsync();
            await App.DisposeAsync();
            GC.SuppressFinalize(this);
        }
    }
}
