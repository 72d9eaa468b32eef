using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using QRCoder;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>Each steunpunt has a page for schools with its own contact details in texts to copy, a block for school
/// websites (as HTML and as a frame that only that page allows), and an A4 flyer and poster with a QR code to its site.</summary>
public sealed partial class ForSchoolsTests(Apps apps) : IClassFixture<Apps>
{
    private const string Phone = "0123 00 00 00"; // every test steunpunt's phone (SteunpuntApp.CreateTenantAsync)

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_page_for_schools_fills_in_the_steunpunts_own_details_and_its_links_answer(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var site = $"{app.PublicBaseAddress}/{tenant.Slug}/";

        // Linked from every page of the steunpunt (the footer); the national site has no such page.
        var home = Parse(await client.GetStringAsync(tenant.Path("/")));
        Assert.Contains(home.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == tenant.Path("/voor-scholen"));
        Assert.DoesNotContain(Parse(await client.GetStringAsync("/")).QuerySelectorAll("a"), a => a.GetAttribute("href")?.EndsWith("/voor-scholen", StringComparison.Ordinal) == true);

        var response = await client.GetAsync(tenant.Path("/voor-scholen"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("informatieplicht", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The schoolgids text carries this steunpunt's name, phone, e-mail, hours and web address.
        var schoolgids = page.QuerySelector("#tekst-schoolgids")!.TextContent;
        foreach (var expected in new[] { tenant.Name, Phone, $"info@{tenant.Slug}.example", $"maandag 09:00 tot 12:00 uur (Spreekuur {tenant.Slug})", $"localhost/{tenant.Slug}" })
        {
            Assert.Contains(expected, schoolgids, StringComparison.Ordinal);
        }
        Assert.Contains(site, page.QuerySelector("#tekst-website")!.TextContent, StringComparison.Ordinal);

        // The HTML block: no script, no stylesheet, inline styles only, and every link absolute and answering.
        var snippet = new HtmlParser().ParseFragment(page.QuerySelector("#code-blok")!.TextContent, page.Body!).OfType<IElement>().ToList();
        var elements = snippet.SelectMany(e => e.QuerySelectorAll("*").Prepend(e)).ToList();
        Assert.Single(snippet);
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "style" or "link" or "iframe" or "img");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Contains(Phone, snippet[0].TextContent, StringComparison.Ordinal);
        var links = elements.Where(e => e.LocalName == "a").Select(e => new Uri(e.GetAttribute("href")!)).ToList();
        Every.Item(links, l => Assert.True(l.IsAbsoluteUri && l.Scheme is "https" or "mailto" or "tel", l.ToString()));
        var web = links.Where(l => l.Scheme == "https").ToList();
        Assert.Contains(web, l => l.ToString() == site);
        foreach (var l in web)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(l.PathAndQuery)).StatusCode);
        }

        // The frame code points at the block, which answers on its own.
        var frame = new HtmlParser().ParseFragment(page.QuerySelector("#code-venster")!.TextContent, page.Body!).OfType<IElement>().Single();
        Assert.Equal("iframe", frame.LocalName);
        Assert.Equal($"{site}voor-scholen/blok", frame.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(frame.GetAttribute("title")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(frame.GetAttribute("src")!).PathAndQuery)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_flyer_and_poster_are_A4_with_the_contact_and_a_qr_code_of_the_steunpunts_site(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var site = $"{app.PublicBaseAddress}/{tenant.Slug}/";
        using var expected = QRCodeGenerator.GenerateQrCode(site, QRCodeGenerator.ECCLevel.M);

        foreach (var sheet in new[] { "/voor-scholen/folder", "/voor-scholen/poster" })
        {
            var response = await client.GetAsync(tenant.Path(sheet));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Parse(await response.Content.ReadAsStringAsync());
            var main = page.QuerySelector("main")!.TextContent;
            Assert.Contains(Phone, main, StringComparison.Ordinal);
            Assert.Contains($"localhost/{tenant.Slug}", main, StringComparison.Ordinal);
            Assert.Contains("anoniem", main, StringComparison.OrdinalIgnoreCase);

            // The QR code is drawn here, inline: its squares are exactly the code of the steunpunt's address.
            var svg = page.QuerySelector("main svg.qr")!;
            Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
            Assert.Equal(Modules(expected), Modules(svg.QuerySelector("path")!.GetAttribute("d")!, expected.ModuleMatrix.Count));

            // Printed on A4 by a stylesheet of our own.
            var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
            var print = Assert.Single(stylesheets);
            var css = await client.GetStringAsync(print);
            Assert.Matches(@"@media print\s*\{\s*@page\s*\{\s*size:\s*A4", css);
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_block_shows_contact_hours_and_the_steunpunts_own_answers_first(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var own = await app.AddItemAsync(tenant, "Wat doet de onderwijsconsulent in onze regio?", "Zij denkt mee.", theme: "T16");
        var youth = await app.AddItemAsync(tenant, "Mag ik zelf naar het steunpunt bellen?", "Ja.", audience: Audience.Jongeren);
        var client = app.Anonymous();

        var page = Parse(await client.GetStringAsync(tenant.Path("/voor-scholen/blok")));
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains(Phone, main, StringComparison.Ordinal);
        Assert.Contains($"maandag 09:00 tot 12:00 uur (Spreekuur {tenant.Slug})", main, StringComparison.Ordinal);
        // Its own page, without the site's menu and footer; links leave the frame.
        Assert.Null(page.QuerySelector("header, footer, nav, form"));
        Assert.Equal("_top", page.QuerySelector("base")?.GetAttribute("target"));
        var questions = page.QuerySelectorAll("main li a[href*='/informatie/']").ToList();
        Assert.Equal(5, questions.Count);
        Assert.Equal(own.Question, questions[0].TextContent);
        Assert.Equal($"{app.PublicBaseAddress}/{tenant.Slug}/informatie/{own.Slug}", questions[0].GetAttribute("href"));
        Assert.DoesNotContain(questions, q => q.TextContent == youth.Question);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_the_block_may_be_shown_in_a_frame_on_another_site(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();

        // Twice: the second answer comes from the output cache and must still open the frame.
        foreach (var _ in new[] { 1, 2 })
        {
            var block = await client.GetAsync(tenant.Path("/voor-scholen/blok"));
            Assert.Equal(HttpStatusCode.OK, block.StatusCode);
            var csp = block.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors *", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.False(block.Headers.Contains("X-Frame-Options"));
            Assert.False(block.Headers.Contains("Set-Cookie"));
        }

        // Every other kind of response keeps frame-ancestors 'none': pages, forms, print sheets, feeds, the API, errors.
        string[] others = ["/", "/sitemap.xml", "/api/themas", "/api/openapi.json", "/voor-scholen/blok", tenant.Path("/"), tenant.Path("/voor-scholen"),
            tenant.Path("/voor-scholen/folder"), tenant.Path("/voor-scholen/poster"), tenant.Path("/contact"), tenant.Path("/vraag-stellen"),
            tenant.Path("/informatie/wat-is-een-tlv"), tenant.Path("/api/contact"), tenant.Path("/nieuw-en-gewijzigd.atom"),
            tenant.Path("/voor-scholen/blok/bestaat-niet"), tenant.Path("/css/block.css")];
        foreach (var path in others)
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) && !csp.Contains("frame-ancestors *", StringComparison.Ordinal),
                $"{path} ({(int)response.StatusCode}): {csp}");
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_national_site_has_no_pages_for_schools(string provider)
    {
        var app = await apps.ForAsync(provider);
        var client = app.Anonymous();
        foreach (var path in new[] { "/voor-scholen", "/voor-scholen/folder", "/voor-scholen/poster", "/voor-scholen/blok" })
        {
            Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, path);
        }
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static bool[,] Modules(QRCodeData data)
    {
        var size = data.ModuleMatrix.Count;
        var grid = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                grid[y, x] = data.ModuleMatrix[y][x];
            }
        }
        return grid;
    }

    /// <summary>The black squares of the SVG path ("M{x} {y}h1v1h-1z" per square).</summary>
    private static bool[,] Modules(string path, int size)
    {
        var grid = new bool[size, size];
        var squares = Square().Matches(path);
        Assert.True(squares.Count > 0, "The QR code has no squares.");
        foreach (Match m in squares)
        {
            grid[int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] = true;
        }
        return grid;
    }

    [GeneratedRegex(@"M(\d+) (\d+)h1v1h-1z")]
    private static partial Regex Square();
}
