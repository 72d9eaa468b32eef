using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steunpunt.Data;
using Steunpunt.Information;
using Steunpunt.Tenancy;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>
/// The real app on a real database (a fresh SQLite file or PostgreSQL database, a copy of one in which an app did
/// its first start once per test process; with firstStart a copy of one the migrations were applied to, with
/// migrated: false an empty one the app migrates itself),
/// with intent methods for tests. Pass a connection string to share one database between two instances.
/// </summary>
public sealed partial class SteunpuntApp : WebApplicationFactory<Program>
{
    /// <summary>
    /// Every app a test run starts watches its configuration and static files for changes. With inotify each watcher
    /// takes one of the user's instances (128 by default on Linux), and a test run keeps dozens of apps alive at
    /// once: past the limit the app logs an IOException and the test fails. Polling watchers take none.
    /// </summary>
    static SteunpuntApp() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public const string Password = "Test-wachtwoord-123";
    public static readonly string TestKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly string _provider;
    private readonly string _connection;
    private readonly bool _demo;
    private readonly string? _sqliteFile;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _productionPasswordHashing;

    public CapturedLogs Logs { get; } = new();

    /// <summary>The app's TimeProvider: the real time unless a test moves it on.</summary>
    public TestClock Clock { get; } = new();
    public string Provider => _provider;
    public string ConnectionString => _connection;

    private SteunpuntApp(string provider, string connection, bool demo, string? sqliteFile, IReadOnlyDictionary<string, string> settings, int? port,
        Action<IServiceCollection>? services, bool productionPasswordHashing)
    {
        (_provider, _connection, _demo, _sqliteFile, _settings, _port, _services, _productionPasswordHashing) =
            (provider, connection, demo, sqliteFile, settings, port, services, productionPasswordHashing);
        // As a real installation is reached: over HTTPS (cookies are HTTPS-only outside Development), at its public address.
        ClientOptions.BaseAddress = new Uri(PublicBaseAddress);
    }

    private readonly int? _port;

    /// <summary>The installation's configured public address: links in mails and on receipts start with it.</summary>
    public string PublicBaseAddress => _port is { } port ? $"http://127.0.0.1:{port}" : "https://localhost";

    /// <summary>The folder mails land in: the test SMTP server's maildir (TEST_MAILDIR) when one runs, else a pickup
    /// folder of this app.</summary>
    public string MailFolder { get; } = Mailbox.Folder ?? Path.Combine(Path.GetTempPath(), $"steunpunt-mail-{Guid.NewGuid():N}");

    /// <summary>Starts the app on a fresh database: a copy of this process's started template for the provider (and
    /// demo or not; see <see cref="StartedCopyAsync"/>). With firstStart a copy of the migrated template instead, on
    /// which the app does its first start itself (starter set, demo); with migrated: false an empty database that the
    /// app migrates itself. With sharedConnection the app uses that database as it is (and firstStart and migrated do
    /// not apply). services changes the app's services after the app registered its own. productionPasswordHashing
    /// keeps the app's own password hashing settings (see <see cref="TestPasswordRounds"/>).</summary>
    public static async Task<SteunpuntApp> StartAsync(string provider, bool demo = false, string? sharedConnection = null, bool kestrel = false,
        IReadOnlyDictionary<string, string>? settings = null, bool waitUntilReady = true, bool migrated = true,
        Action<IServiceCollection>? services = null, bool firstStart = false, bool productionPasswordHashing = false)
    {
        var (connection, file) = sharedConnection is not null ? (sharedConnection, null)
            : !migrated ? await Databases.CreateEmptyAsync(provider)
            : firstStart ? await Databases.CreateMigratedAsync(provider)
            : await StartedCopyAsync(provider, demo);
        var port = kestrel ? AppProcess.FreePort() : (int?)null;
        var app = new SteunpuntApp(provider, connection, demo, file, settings ?? new Dictionary<string, string>(), port, services, productionPasswordHashing);
        if (port is { } p)
        {
            app.UseKestrel(p);
            app.StartServer();
        }
        else
        {
            _ = app.Server; // starts the host; migrations and starter content run in the background
        }
        if (waitUntilReady)
        {
            await app.WaitUntilReadyAsync();
        }
        app.Logs.Clear();
        FailOnLoggedErrorsAttribute.Register(app.Logs);
        return app;
    }

    // An app's first start writes the national starter set (about a hundred items and terms, with their history) and,
    // with demo data, the demo steunpunten, their content and their accounts (a password hash each); a run starts well
    // over a hundred apps. So an app does that first start once per test process, provider and demo-or-not, in the
    // test that first needs it (which fails when that start fails), into a template; each app then starts on a copy,
    // finds the starter set in place as any later start of a real installation does, and builds its search index as
    // usual. The first start on every app's own database stays covered by StarterContentTests' demo test, the tests
    // that make their own database (sharedConnection), FreshDatabaseTests and the tests that start the app as its own
    // process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Provider, bool Demo), Lazy<Task<string>>> s_started = new();

    private static async Task<(string Connection, string? File)> StartedCopyAsync(string provider, bool demo) =>
        await Databases.CopyOfAsync(provider, await s_started.GetOrAdd((provider, demo),
            key => new Lazy<Task<string>>(() => CreateStartedAsync(key.Provider, key.Demo))).Value);

    private static async Task<string> CreateStartedAsync(string provider, bool demo)
    {
        var (connection, file) = await Databases.CreateMigratedAsync(provider);
        // Shared: the app leaves the database alone when it stops.
        string appConnection;
        await using (var app = await StartAsync(provider, demo, sharedConnection: connection))
        {
            appConnection = await app.WithDbAsync(null, db => Task.FromResult(db.Database.GetConnectionString()!));
        }
        return await Databases.MakeTemplateAsync(provider, appConnection, file);
    }

    /// <summary>
    /// The rounds of PBKDF2 a test app hashes passwords with. The app as deployed uses ASP.NET Core Identity's default
    /// (100,000 rounds of HMAC-SHA512: about 45 ms of processor time per hash or check), and tests make and sign in
    /// accounts all the time: sampled with perf over the integration tests, that hashing was about a tenth of all the
    /// machine's processor time. Test apps use the same hasher and format with fewer rounds; an app started with
    /// productionPasswordHashing keeps the app's own setting, which SessionTests checks.
    /// </summary>
    public const int TestPasswordRounds = 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // wwwroot as built (fingerprinted names, compressed forms), as Development and a published app have it.
        builder.UseStaticWebAssets();
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:Steunpunt", _connection);
        builder.UseSetting("Seed:Demo", _demo ? "true" : "false");
        builder.UseSetting("Seed:DemoPassword", Password);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Web:PublicBaseAddress", PublicBaseAddress);
        if (_port is not null)
        {
            // The browser talks plain HTTP to Kestrel on loopback.
            builder.UseSetting("Web:SecureCookies", "false");
            builder.UseSetting("Web:ExtraHosts:0", "localhost");
        }
        // One key for every app in the test process: EF Core's model (and so the converter) is process-wide.
        builder.UseSetting("Privacy:Key", TestKey);
        // The anonymous forms' guards are tested on their own; other tests post quickly and often.
        builder.UseSetting("Forms:MinimumFillSeconds", "0");
        builder.UseSetting("Forms:SubmissionsPerAddressPerHour", "100000");
        builder.UseSetting("Forms:LookupsPerAddressPerHour", "100000");
        builder.UseSetting("Forms:VotesPerAddressPerHour", "100000");
        // Tests wait until every start-up step is done: the index starts at once instead of after the first pages.
        builder.UseSetting("Startup:PauseBeforeWhileServing", "00:00:00");
        builder.UseSetting("Search:SearchesPerAddressPerMinute", "100000");
        builder.UseSetting("Search:SuggestionsPerAddressPerMinute", "100000");
        if (Mailbox.SmtpPort is { } port)
        {
            builder.UseSetting("Mail:Host", "127.0.0.1");
            builder.UseSetting("Mail:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Security", "None");
        }
        else
        {
            builder.UseSetting("Mail:PickupFolder", MailFolder);
        }
        builder.UseSetting("Mail:PollInterval", "00:00:00.200");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            if (!_productionPasswordHashing)
            {
                s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = TestPasswordRounds);
            }
            _services?.Invoke(s);
        });
    }

    /// <summary>Waits (up to two minutes) until migrations, starter content and the search index are done.</summary>
    public Task WaitUntilReadyAsync() =>
        Services.GetRequiredService<Readiness>().WaitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

    /// <summary>The address of the real Kestrel server (browser tests), e.g. http://127.0.0.1:41234.</summary>
    public string ServerAddress =>
        Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

    /// <summary>A GET from a visitor at the given address (in-process requests have none of their own).</summary>
    public async Task<int> GetFromAsync(string pathAndQuery, string address)
    {
        var uri = new Uri(new Uri(PublicBaseAddress), pathAndQuery);
        var context = await Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Scheme = uri.Scheme;
            c.Request.Host = new Microsoft.AspNetCore.Http.HostString(uri.Host);
            c.Request.Path = uri.AbsolutePath;
            c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(uri.Query);
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
        return context.Response.StatusCode;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(PublicBaseAddress) });

    public async Task<T> WithDbAsync<T>(Guid? tenantId, Func<SteunpuntDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        if (tenantId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(new TenantEntry(id, "", "", []));
        }
        return await work(scope.ServiceProvider.GetRequiredService<SteunpuntDb>());
    }

    public Task WithDbAsync(Guid? tenantId, Func<SteunpuntDb, Task> work) =>
        WithDbAsync<bool>(tenantId, async db => { await work(db); return true; });

    /// <summary>A fresh steunpunt of its own for one test, with one gemeente, one school and a contact page set-up.</summary>
    public async Task<TestTenant> CreateTenantAsync(string? name = null)
    {
        var slug = "sp-" + Guid.NewGuid().ToString("N")[..10];
        var tenant = new Tenant
        {
            Slug = slug,
            Name = name ?? $"Steunpunt {slug}",
            Phone = "0123 00 00 00",
            Email = $"info@{slug}.example",
            Welcome = $"Welkom bij steunpunt {slug}.",
        };
        tenant.Gemeenten.Add(new ServedGemeente { Name = $"Gemeente-{slug}" });
        tenant.Schools.Add(new School { Name = $"School-{slug}", Gemeente = $"Gemeente-{slug}" });
        tenant.Partnerships.Add(new Partnership { Name = $"SWV PO {slug}", Sector = Sector.PO });
        await WithDbAsync(null, async db =>
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        });
        await WithDbAsync(tenant.Id, async db =>
        {
            foreach (var kind in Enum.GetValues<RegionalPageKind>())
            {
                db.RegionalPages.Add(new RegionalPage { Kind = kind, Title = $"{kind} van {slug}", Body = $"Tekst {kind} van {slug}." });
            }
            db.OpeningHours.Add(new OpeningHours { Day = DayOfWeek.Monday, Opens = new(9, 0), Closes = new(12, 0), Note = $"Spreekuur {slug}" });
            db.Organisations.Add(new Organisation { Name = $"Wijkteam {slug}", Kind = "Wijkteam", Description = $"Hulp in {slug}." });
            await db.SaveChangesAsync();
        });
        Services.GetRequiredService<TenantDirectory>().Invalidate();
        await PublishedAsync(tenant.Id);
        return new TestTenant(tenant.Id, slug, tenant.Name);
    }

    /// <summary>Adds a published FAQ item: national when tenant is null.</summary>
    public async Task<FaqItem> AddItemAsync(TestTenant? tenant, string question, string shortAnswer, string theme = "T07",
        Audience audience = Audience.Ouders, string explanation = "", ContentLayer layer = ContentLayer.Item, Guid? nationalItemId = null,
        string supplement = "")
    {
        var item = new FaqItem
        {
            TenantId = tenant?.Id,
            Layer = layer,
            NationalItemId = nationalItemId,
            Slug = "item-" + Guid.NewGuid().ToString("N")[..10],
            ThemeCode = theme,
            Audience = audience,
            Question = question,
            ShortAnswer = shortAnswer,
            Explanation = explanation,
            Supplement = supplement,
            Status = ContentStatus.Published,
            LastReviewedOn = new DateOnly(2026, 11, 1),
        };
        await WithDbAsync(tenant?.Id, async db =>
        {
            db.FaqItems.Add(item);
            await db.SaveChangesAsync();
        });
        await PublishedAsync();
        return item;
    }

    /// <summary>Tells the app content changed, as the editor pages do after a save.</summary>
    public async Task PublishedAsync(Guid? tenantId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        if (tenantId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(new TenantEntry(id, "", "", []));
        }
        await scope.ServiceProvider.GetRequiredService<ContentChanges>().PublishedAsync();
    }

    public Task<string> CreateUserAsync(string role, TestTenant? tenant) => CreateAccountAsync(tenant, role, role);

    /// <summary>Signs in through the real sign-in forms (antiforgery and all), both steps, at the given site's path.</summary>
    public async Task<HttpClient> SignInAsync(string email, TestTenant? site)
    {
        var client = Anonymous();
        await SignInWithTwoStepsAsync(client, site is null ? "" : "/" + site.Slug, email);
        return client;
    }

    /// <summary>Form fields plus the antiforgery token read from the page the form is on.</summary>
    public static FormUrlEncodedContent FormFrom(string html, params (string Key, string Value)[] fields) =>
        new([.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(html))]);

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token in the form.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Databases.DeleteSqliteFile(_sqliteFile);
        }
        GC.SuppressFinalize(this);
    }
}

public sealed record TestTenant(Guid Id, string Slug, string Name)
{
    public string Path(string page) => $"/{Slug}{page}";
}
