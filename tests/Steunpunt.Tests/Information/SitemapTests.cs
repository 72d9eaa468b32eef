using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>Each site has a sitemap.xml in the sitemaps.org format whose every address answers; the national one lists
/// the live steunpunten and not one in oprichting.</summary>
public sealed class SitemapTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly XNamespace s_ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_address_in_the_sitemap_answers(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var building = await app.CreateTenantAsync();
        await app.WithDbAsync(null, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == building.Id)).InOprichting = true;
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantDirectory>().Invalidate();
        var own = await app.AddItemAsync(tenant, "Hoe meld ik mijn kind aan bij de taalklas?", "Bel het steunpunt.");
        var client = app.Anonymous();

        var response = await client.GetAsync(tenant.Path("/sitemap.xml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(s_ns + "urlset", sitemap.Root!.Name);
        var urls = sitemap.Root.Elements(s_ns + "url").ToList();
        Assert.True(urls.Count > 20, $"{urls.Count} addresses");
        var locs = urls.Select(u => new Uri(u.Element(s_ns + "loc")!.Value)).ToList();
        Assert.Contains(locs, l => l.AbsolutePath == tenant.Path($"/informatie/{own.Slug}"));
        var lastmods = urls.Select(u => u.Element(s_ns + "lastmod")?.Value).OfType<string>().ToList();
        Every.Item(lastmods, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
        var failures = new List<string>();
        foreach (var loc in locs)
        {
            Assert.True(loc.IsAbsoluteUri);
            using var page = await client.GetAsync(loc.PathAndQuery);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{loc}: {(int)page.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var national = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var nationalLocs = national.Root!.Elements(s_ns + "url").Select(u => new Uri(u.Element(s_ns + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains($"/{tenant.Slug}/", nationalLocs);
        Assert.DoesNotContain($"/{building.Slug}/", nationalLocs);
        Assert.DoesNotContain(nationalLocs, l => l.Contains(own.Slug, StringComparison.Ordinal));
    }
}
