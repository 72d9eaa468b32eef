using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
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
        var text = await response.Content.ReadAsStringAsync();
        AssertValid(text, $"/{tenant.Slug}/sitemap.xml");
        var sitemap = XDocument.Parse(text);
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

        var nationalText = await client.GetStringAsync("/sitemap.xml");
        AssertValid(nationalText, "/sitemap.xml");
        var national = XDocument.Parse(nationalText);
        var nationalLocs = national.Root!.Elements(s_ns + "url").Select(u => new Uri(u.Element(s_ns + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains($"/{tenant.Slug}/", nationalLocs);
        Assert.DoesNotContain($"/{building.Slug}/", nationalLocs);
        Assert.DoesNotContain(nationalLocs, l => l.Contains(own.Slug, StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_check_finds_what_breaks_a_sitemap()
    {
        const string Head = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
        Assert.Empty(Errors(Head + "<url><loc>https://a.example/x</loc><lastmod>2026-11-01</lastmod></url></urlset>"));
        foreach (var broken in new[]
        {
            Head + "<url><lastmod>2026-11-01</lastmod></url></urlset>",                                   // no loc
            Head + "<url><loc>/relatief/adres</loc></url></urlset>",                                        // not absolute
            Head + "<url><loc>https://a.example/x</loc><lastmod>1 november 2026</lastmod></url></urlset>",  // not a W3C date
            Head + "<url><loc>https://a.example/x</loc></url><url><loc>https://a.example/x</loc></url></urlset>", // twice
            Head + "<url><loc>https://a.example/x</loc><priority>2</priority></url></urlset>",
            Head + "</urlset>",                                                                              // no url
        })
        {
            Assert.NotEmpty(Errors(broken));
        }
    }

    private static void AssertValid(string xml, string what)
    {
        var errors = Errors(xml);
        Assert.True(errors.Count == 0, $"{what} does not follow the sitemaps.org schema:\n" + string.Join("\n", errors));
        Assert.True(XDocument.Parse(xml).Root!.Elements().Count() <= 50_000, $"{what} has more than 50,000 addresses");
    }

    /// <summary>What the sitemaps.org 0.9 schema (sitemap.xsd, embedded in this project) finds wrong in the XML.</summary>
    private static List<string> Errors(string xml)
    {
        var schemas = new XmlSchemaSet();
        using (var xsd = typeof(SitemapTests).Assembly.GetManifestResourceStream("sitemap.xsd")!)
        {
            schemas.Add(null, XmlReader.Create(xsd));
        }
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }
}
