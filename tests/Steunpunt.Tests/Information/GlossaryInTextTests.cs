using AngleSharp.Html.Parser;
using Steunpunt.Information;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

public sealed class GlossaryInTextTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_first_use_of_a_term_is_explained_in_place_and_links_to_the_glossary(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var item = await app.AddItemAsync(null, $"Over de TLV {Guid.NewGuid():N}", "De school vraagt een TLV aan.",
            theme: "T06", explanation: "Daarna beslist het SWV over de TLV.");

        var html = Html.MainOf(await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{item.Slug}")));
        var document = new HtmlParser().ParseDocument(html);
        var explained = document.QuerySelectorAll(".begrip").ToList();
        var tlv = explained.Where(e => e.QuerySelector("a")!.TextContent == "TLV").ToList();
        Assert.Single(tlv);
        Assert.Equal($"/{tenant.Slug}/begrippen/toelaatbaarheidsverklaring", tlv[0].QuerySelector("a")!.GetAttribute("href"));
        // The explanation is real text right after the word, not a tooltip.
        var note = tlv[0].QuerySelector(".begrip-uitleg")!.TextContent;
        Assert.StartsWith(" (toelaatbaarheidsverklaring: een besluit van het samenwerkingsverband", note, StringComparison.Ordinal);
        Assert.Null(tlv[0].GetAttribute("title"));
        // The h1 stays clean, and later uses are plain text.
        Assert.Empty(document.QuerySelectorAll("h1 .begrip"));
        Assert.Single(explained, e => e.QuerySelector("a")!.TextContent == "SWV");
        Assert.Contains("over de TLV.", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Abbreviations_match_case_sensitively_and_whole_words_only()
    {
        var terms = new[]
        {
            new GlossaryTerm { Slug = "so", Term = "Speciaal onderwijs", Abbreviation = "SO", Definition = "Een school met veel hulp." },
            new GlossaryTerm { Slug = "vervoer", Term = "Leerlingenvervoer", Definition = "Vervoer naar school." },
        };
        var annotator = new GlossaryAnnotator(terms, t => "/begrippen/" + t.Slug);
        var renderer = new ContentRenderer();
        var html = renderer.Render("Zo gaat het: so what, SOS en SO. Leerlingenvervoer is fijn, leerlingenvervoer ook.", annotator).ToString()!;
        Assert.Equal(1, Html.Count(html, "href=\"/begrippen/so\""));
        Assert.Contains(">SO</a>", html, StringComparison.Ordinal);
        Assert.Equal(1, Html.Count(html, "href=\"/begrippen/vervoer\""));
        Assert.Contains("SOS", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_cannot_inject_script_or_event_handlers()
    {
        var renderer = new ContentRenderer();
        var html = renderer.Render("""
            Hallo <script>alert('x')</script>
            <img src=x onerror=alert(1)>
            [klik](javascript:alert(1))
            <a href="https://example.org" onclick="alert(1)">link</a>
            """).ToString()!;
        // Typed HTML may show as text; it must never become elements or attributes that run.
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, img, iframe, object"));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Hallo", html, StringComparison.Ordinal);
    }
}
