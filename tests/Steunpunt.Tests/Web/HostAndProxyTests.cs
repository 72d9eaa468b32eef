using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Questions;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>
/// Links in mails and on receipts come from configuration, never from the request; a host name nobody configured is
/// refused; a configured reverse proxy's forwarded address is believed and no one else's; and a real deployment
/// starts with safe defaults (no demo accounts, HTTPS-only cookies, HSTS).
/// </summary>
public sealed class HostAndProxyTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_forged_host_gets_no_page_and_mails_link_to_the_configured_address(string provider)
    {
        await using var app = await SteunpuntApp.StartAsync(provider, kestrel: true);
        var tenant = await app.CreateTenantAsync();
        var own = await app.CreateTenantAsync();
        var ownHost = $"{own.Slug}.steunpunt.example";
        await app.WithDbAsync(null, async db =>
        {
            var row = await db.Tenants.SingleAsync(t => t.Id == own.Id);
            row.Hosts = ownHost;
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantDirectory>().Invalidate();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(app.ServerAddress) };

        // The forged host: refused before any page, so nothing can be asked, cached or mailed under it.
        using (var forged = new HttpRequestMessage(HttpMethod.Get, tenant.Path("/vraag-stellen")))
        {
            forged.Headers.Host = "phish.example";
            var refused = await http.SendAsync(forged);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.DoesNotContain("<form", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A question through the installation's own address, with X-Forwarded-Host pointing elsewhere (no proxy is
        // configured, so it is not believed): the receipt and the mail link to the configured address.
        var address = $"ouder-{Guid.NewGuid():N}@voorbeeld.nl";
        var receipt = await AskAsync(http, tenant.Path("/vraag-stellen"), address, host: null);
        Assert.StartsWith($"{app.PublicBaseAddress}/{tenant.Slug}/gesprek/", receipt.Link.ToString(), StringComparison.Ordinal);
        var mail = await Mailbox.WaitForAsync(app.MailFolder, address);
        Assert.Contains(receipt.Link.ToString(), mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("phish", mail.TextBody, StringComparison.Ordinal);

        // A steunpunt with its own host name links to that name, also when asked through the installation's path.
        var ownAddress = $"ouder-{Guid.NewGuid():N}@voorbeeld.nl";
        var ownReceipt = await AskAsync(http, own.Path("/vraag-stellen"), ownAddress, host: null);
        Assert.StartsWith($"http://{ownHost}:{new Uri(app.PublicBaseAddress).Port}/gesprek/", ownReceipt.Link.ToString(), StringComparison.Ordinal);
        Assert.Contains(ownReceipt.Link.ToString(), (await Mailbox.WaitForAsync(app.MailFolder, ownAddress)).TextBody, StringComparison.Ordinal);
        // ...and answers on that name.
        var byOwnHost = await AskAsync(http, "/vraag-stellen", $"ouder-{Guid.NewGuid():N}@voorbeeld.nl", host: ownHost);
        Assert.StartsWith($"http://{ownHost}:", byOwnHost.Link.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(own.Id, db => db.Cases.CountAsync()));

        // "Ander steunpunt zoeken" leads to the national finder: beside the path, or on the installation's address
        // when the steunpunt is on its own name (where "/" would be the steunpunt itself).
        Assert.Contains("<a href=\"/\">Ander steunpunt zoeken</a>", await http.GetStringAsync($"/{own.Slug}/contact"), StringComparison.Ordinal);
        using var onOwnHost = new HttpRequestMessage(HttpMethod.Get, "/contact");
        onOwnHost.Headers.Host = ownHost;
        var page = await (await http.SendAsync(onOwnHost)).Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"{app.PublicBaseAddress}/\">Ander steunpunt zoeken</a>", page, StringComparison.Ordinal);
    }

    private static async Task<AskedQuestion> AskAsync(HttpClient http, string path, string email, string? host)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null)
        {
            get.Headers.Host = host;
        }
        var form = await (await http.SendAsync(get)).Content.ReadAsStringAsync();
        var fields = SteunpuntApp.QuestionFields("Waar vind ik het schoolondersteuningsprofiel?");
        fields["Input.ContactWay"] = "Email";
        fields["Input.Email"] = email;
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = SteunpuntApp.FormWithHidden(form, fields) };
        post.Headers.Add("X-Forwarded-Host", "phish.example");
        if (host is not null)
        {
            post.Headers.Host = host;
        }
        var response = await http.SendAsync(post);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return AskedQuestion.From(html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_configured_proxy_gives_each_visitor_their_own_limit_and_no_one_else_can_claim_an_address(string provider)
    {
        var limits = new Dictionary<string, string> { ["Forms:LookupsPerAddressPerHour"] = "2", ["Web:KnownProxies:0"] = "127.0.0.1" };
        await using var app = await SteunpuntApp.StartAsync(provider, kestrel: true, settings: limits);
        var tenant = await app.CreateTenantAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.ServerAddress) };

        async Task<HttpStatusCode> GuessAsync(string visitor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, tenant.Path("/gesprek/" + Guid.NewGuid().ToString("N")[..22]));
            request.Headers.Add("X-Forwarded-For", visitor);
            return (await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync("203.0.113.5"));
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync("203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GuessAsync("203.0.113.5"));
        // Another visitor behind the same proxy is counted on their own...
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync("198.51.100.7"));
        // ...and the same /64 of an IPv6 household counts as one.
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync("2001:db8:1:2::10"));
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync("2001:db8:1:2::20"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GuessAsync("2001:db8:1:2::30"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_address_is_not_believed()
    {
        await using var app = await SteunpuntApp.StartAsync(Databases.Sqlite, kestrel: true,
            settings: new Dictionary<string, string> { ["Forms:LookupsPerAddressPerHour"] = "2" });
        var tenant = await app.CreateTenantAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.ServerAddress) };
        var statuses = new List<HttpStatusCode>();
        foreach (var visitor in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, tenant.Path("/gesprek/" + Guid.NewGuid().ToString("N")[..22]));
            request.Headers.Add("X-Forwarded-For", visitor);
            statuses.Add((await http.SendAsync(request)).StatusCode);
        }
        // A guesser cannot escape the limit by claiming to be someone else.
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_real_deployment_starts_without_demo_accounts_with_https_only_cookies_and_HSTS()
    {
        // The shipped settings: demo data only in Development.
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Steunpunt"));
        using var production = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "appsettings.json")));
        using var development = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "appsettings.Development.json")));
        Assert.False(production.RootElement.GetProperty("Seed").GetProperty("Demo").GetBoolean());
        Assert.True(development.RootElement.GetProperty("Seed").GetProperty("Demo").GetBoolean());
        Assert.False(production.RootElement.TryGetProperty("AllowedHosts", out _));

        // Started in Production with nothing said about demo data: no demo steunpunt, no accounts printed.
        var file = Path.Combine(Path.GetTempPath(), $"steunpunt-prod-{Guid.NewGuid():N}.db");
        try
        {
            await using (var process = await AppProcess.StartAsync(Databases.Sqlite, $"Data Source={file}", new Dictionary<string, string>()))
            {
                using var http = new HttpClient { BaseAddress = new Uri(process.BaseAddress) };
                Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/rivierenland/")).StatusCode);
                Assert.DoesNotContain("Demo accounts", process.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("password", process.Output, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            Databases.DeleteSqliteFile(file);
        }

        // Outside Development, over HTTPS: every cookie is HTTPS-only, and a steunpunt's own name gets HSTS.
        await using var app = await SteunpuntApp.StartAsync(Databases.Sqlite);
        var tenant = await app.CreateTenantAsync();
        await app.WithDbAsync(null, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == tenant.Id)).Hosts = $"{tenant.Slug}.steunpunt.example";
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantDirectory>().Invalidate();
        var response = await app.Anonymous().GetAsync($"https://{tenant.Slug}.steunpunt.example/vraag-stellen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Every.Item(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}
