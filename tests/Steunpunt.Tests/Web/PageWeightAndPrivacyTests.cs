using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

public sealed partial class PageWeightAndPrivacyTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_article_page_with_everything_it_loads_weighs_under_30_KB_gzipped(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var url = tenant.Path("/informatie/mijn-kind-zit-thuis");
        var html = await client.GetStringAsync(url);
        var assets = AssetReferences().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(assets);

        long total = Gzipped(html);
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            total += Gzipped(await response.Content.ReadAsStringAsync());
        }
        Assert.True(total < 30 * 1024, $"The page weighs {total} bytes gzipped.");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Public_pages_load_nothing_from_another_origin_and_set_no_cookies(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        foreach (var page in new[] { "/", tenant.Path("/"), tenant.Path("/informatie/wat-is-een-tlv"), tenant.Path("/contact"), tenant.Path("/begrippen") })
        {
            var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Empty(ExternalResources().Matches(html));
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{page} sets a cookie.");
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("lang=\"nl\"", html, StringComparison.Ordinal);
            Assert.Equal(1, Html.Count(html, "<h1"));
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Public_pages_are_served_from_the_cache_until_content_changes(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var item = await app.AddItemAsync(tenant, "Gecachte vraag", "Eerste versie.");
        var client = app.Anonymous();
        var url = tenant.Path($"/informatie/{item.Slug}");
        Assert.Contains("Eerste versie.", await client.GetStringAsync(url), StringComparison.Ordinal);

        // A change that bypasses the editor (no publish signal) is not seen: the page comes from the cache.
        await app.WithDbAsync(tenant.Id, async db =>
        {
            var row = await db.FindAsync<Steunpunt.Information.FaqItem>(item.Id);
            row!.ShortAnswer = "Tweede versie.";
            await db.SaveChangesAsync();
        });
        Assert.Contains("Eerste versie.", await client.GetStringAsync(url), StringComparison.Ordinal);
        await app.PublishedAsync();
        Assert.Contains("Tweede versie.", await client.GetStringAsync(url), StringComparison.Ordinal);
    }

    private static long Gzipped(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }
        return buffer.Length;
    }

    [GeneratedRegex("(?:<link[^>]+href|<script[^>]+src|<img[^>]+src)=\"([^\"]+)\"")]
    private static partial Regex AssetReferences();

    [GeneratedRegex("(?:<link[^>]+href|<script[^>]+src|<img[^>]+src|<iframe[^>]+src)=\"(?:https?:)?//")]
    private static partial Regex ExternalResources();
}
