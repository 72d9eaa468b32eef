using AngleSharp.Html.Parser;
using Steunpunt.Information;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

public sealed class GlossaryInTextTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_first_use_of_a_term_opens_an_explanation_without_breaking_the_sentence(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var item = await app.AddItemAsync(null, $"Over de TLV {Guid.NewGuid():N}", "De school vraagt een TLV aan.",
            theme: "T06", explanation: "Daarna beslist het SWV over de TLV.");

        var html = Html.MainOf(await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{item.Slug}")));
        var document = new HtmlParser().ParseDocument(html);
        var buttons = document.QuerySelectorAll(".begrip > button.begrip-knop").ToList();
        var tlv = Assert.Single(buttons, b => b.FirstChild?.TextContent == "TLV");
        Assert.Equal("button", tlv.GetAttribute("type"));
        // A native popover: opens without JavaScript, by keyboard, and holds the definition and a link on.
        var popover = document.GetElementById(tlv.GetAttribute("popovertarget")!)!;
        Assert.Equal("auto", popover.GetAttribute("popover"));
        Assert.Equal("TLV (toelaatbaarheidsverklaring)", popover.QuerySelector("strong")!.TextContent);
        Assert.Contains("samenwerkingsverband", popover.QuerySelector(".begrip-definitie")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/{tenant.Slug}/begrippen/toelaatbaarheidsverklaring", popover.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(popover.QuerySelector("button[popovertargetaction=hide]"));
        // The sentence reads whole: nothing is put between its words.
        var answer = document.QuerySelector(".short-answer p")!;
        foreach (var hidden in answer.QuerySelectorAll("[popover], .visually-hidden").ToList())
        {
            hidden.Remove();
        }
        Assert.Equal("De school vraagt een TLV aan.", answer.TextContent.Trim());
        // The h1 stays plain, later uses are plain text, and the page ends with its words.
        Assert.Empty(document.QuerySelectorAll("h1 .begrip"));
        Assert.Single(buttons, b => b.FirstChild?.TextContent == "SWV");
        var words = document.QuerySelectorAll(".page-words dt a").Select(a => a.TextContent).ToList();
        Assert.Equal(["TLV (toelaatbaarheidsverklaring)", "SWV (samenwerkingsverband)"], words);
    }

    [Fact]
    public void An_editor_chooses_which_term_a_word_means_or_that_it_needs_none()
    {
        var terms = new[]
        {
            new GlossaryTerm { Slug = "leerplicht", Term = "Leerplicht", Definition = "De plicht om naar school te gaan." },
            new GlossaryTerm { Slug = "leerplichtambtenaar", Term = "Leerplichtambtenaar", Definition = "Iemand van de gemeente die let op verzuim." },
            new GlossaryTerm { Slug = "verwijdering", Term = "Verwijdering", Aliases = "verwijderd", Definition = "Een leerling moet van school." },
        };
        var renderer = new ContentRenderer();
        var plain = new GlossaryAnnotator(terms, t => "/begrippen/" + t.Slug);
        var chosen = new GlossaryAnnotator(terms, t => "/begrippen/" + t.Slug)
            .Choose(TermChoices.Parse("leerplicht = leerplichtambtenaar\nverwijderd = -"));
        const string Text = "Bel leerplicht. Uw gegevens worden verwijderd.";

        var before = new HtmlParser().ParseDocument(renderer.Render(Text, plain).ToString()!);
        Assert.Equal(["uitleg-leerplicht", "uitleg-verwijdering"], before.QuerySelectorAll(".begrip-knop").Select(b => b.GetAttribute("popovertarget")));
        var after = new HtmlParser().ParseDocument(renderer.Render(Text, chosen).ToString()!);
        Assert.Equal(["uitleg-leerplichtambtenaar"], after.QuerySelectorAll(".begrip-knop").Select(b => b.GetAttribute("popovertarget")));
        Assert.Equal(["leerplichtambtenaar"], chosen.Explained.Select(t => t.Slug));
    }

    [Fact]
    public void Word_choices_name_a_real_term_and_say_which_line_is_wrong()
    {
        var glossary = new[] { new GlossaryTerm { Slug = "leerplichtambtenaar", Term = "Leerplichtambtenaar" } };
        Assert.True(TermChoices.TryParse("leerplicht = Leerplichtambtenaar\n\nverwijderd = -", glossary, out var choices, out _));
        Assert.Equal("leerplichtambtenaar", choices["Leerplicht"]);
        Assert.Null(choices["verwijderd"]);
        Assert.False(TermChoices.TryParse("leerplicht = leerplichtambtenaar\nschool = bestaat-niet", glossary, out _, out var error));
        Assert.StartsWith("Regel 2 ", error, StringComparison.Ordinal);
        Assert.False(TermChoices.TryParse("alleen een woord", glossary, out _, out error));
        Assert.StartsWith("Regel 1 ", error, StringComparison.Ordinal);
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
        var buttons = new HtmlParser().ParseDocument(html).QuerySelectorAll(".begrip-knop").ToList();
        Assert.Equal(["SO", "Leerlingenvervoer"], buttons.Select(b => b.FirstChild!.TextContent));
        Assert.Contains("SOS", html, StringComparison.Ordinal);
        Assert.Contains("so what", html, StringComparison.Ordinal);
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
