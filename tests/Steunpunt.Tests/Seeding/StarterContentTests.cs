using System.Net;
using Steunpunt.Seeding;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Seeding;

public sealed class StarterContentTests(Apps apps) : IClassFixture<Apps>
{
    [Fact]
    public void The_national_set_covers_all_16_themes_with_at_least_40_items_and_40_terms()
    {
        var themes = StarterContent.Load<List<Theme>>("themes.json");
        var faq = StarterContent.Load<List<StarterContent.FaqSeed>>("national-faq.json");
        var glossary = StarterContent.Load<List<StarterContent.GlossarySeed>>("glossary.json");

        Assert.Equal(16, themes.Count);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"T{i:00}"), themes.Select(t => t.Code));
        Assert.True(faq.Count >= 40, $"{faq.Count} FAQ items");
        Assert.True(glossary.Count >= 40, $"{glossary.Count} glossary terms");
        Every.Item(themes, t => Assert.Contains(faq, f => f.Theme == t.Code));
        Assert.Contains(faq, f => f.Audience == Audience.Jongeren);
        Assert.Equal(faq.Count, faq.Select(f => f.Slug).Distinct().Count());
        Assert.Equal(glossary.Count, glossary.Select(f => f.Slug).Distinct().Count());
        Every.Item(faq, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Question));
            Assert.False(string.IsNullOrWhiteSpace(f.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(f.Who));
            // "Kort antwoord": two or three sentences.
            var sentences = f.Answer.Split(['.', '?', '!'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
            Assert.InRange(sentences, 1, 4);
        });
        // Youth items are written in je-form, parent items in u-form.
        Every.Item(faq.Where(f => f.Audience == Audience.Jongeren), f => Assert.DoesNotMatch(@"\b[Uu]w?\b", f.Answer));
        Every.Item(faq.Where(f => f.Audience == Audience.Ouders), f => Assert.DoesNotMatch(@"\b(jij|jouw)\b", f.Answer));
        foreach (var term in new[] { "TLV", "OPP", "SBO", "VSO", "PrO", "IB'er", "GPO", "SOP" })
        {
            Assert.Contains(glossary, g => g.Abbr == term);
        }
        Assert.Contains(glossary, g => g.Term == "Thuiszitter");
        Assert.Contains(glossary, g => g.Abbr == "SOP" && g.Outdated);
    }

    [Fact]
    public void The_national_set_has_90_sourced_items_25_for_youth_each_in_one_form_of_address()
    {
        var faq = StarterContent.Load<List<StarterContent.FaqSeed>>("national-faq.json");
        Assert.True(faq.Count >= 90, $"{faq.Count} national items");
        var youth = faq.Where(f => f.Audience == Audience.Jongeren).ToList();
        Assert.True(youth.Count >= 25, $"{youth.Count} youth items");
        string All(StarterContent.FaqSeed f) => string.Join('\n', f.Question, f.Answer, f.Explanation, f.Todo, f.Who);
        // Youth are addressed with je, parents with u: never both in one item.
        Every.Item(youth, f => Assert.DoesNotMatch(@"\b[Uu]w?\b", All(f)));
        Every.Item(faq.Where(f => f.Audience == Audience.Ouders), f => Assert.DoesNotMatch(@"\b([Jj]e|[Jj]ij|[Jj]ouw|[Jj]ou)\b", All(f)));
        // Every item says where it comes from, with a link that works as a link, and when it was checked.
        Every.Item(faq, f =>
        {
            Assert.True(f.Sources is { Count: > 0 }, $"{f.Slug} has no source");
            Every.Item(f.Sources!, s =>
            {
                Assert.False(string.IsNullOrWhiteSpace(s.Title), f.Slug);
                Assert.True(Uri.TryCreate(s.Url, UriKind.Absolute, out var url) && url.Scheme == "https", $"{f.Slug}: {s.Url}");
            });
            Assert.True(f.Reviewed >= new DateOnly(2026, 11, 1), f.Slug);
        });
        Assert.Equal(faq.Count, faq.Select(f => f.Slug).Distinct().Count());
    }

    [Fact]
    public void Glossary_definitions_stand_alone_short_and_never_explain_a_term_with_itself()
    {
        var glossary = StarterContent.Load<List<StarterContent.GlossarySeed>>("glossary.json");
        Every.Item(glossary, g =>
        {
            var term = g.ToTerm(null);
            var words = g.Definition.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(words <= 25, $"{g.Slug}: {words} words");
            foreach (var (form, caseSensitive) in term.SurfaceForms())
            {
                var pattern = @"(?<![\p{L}\d])" + System.Text.RegularExpressions.Regex.Escape(form) + @"(?![\p{L}\d])";
                var options = caseSensitive ? System.Text.RegularExpressions.RegexOptions.None : System.Text.RegularExpressions.RegexOptions.IgnoreCase;
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(g.Definition, pattern, options), $"{g.Slug} explains itself with \"{form}\"");
            }
        });
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Explanations_on_every_starter_page_are_never_nested_in_headings_or_about_the_page_itself(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var explained = 0;
        foreach (var item in StarterContent.Load<List<StarterContent.FaqSeed>>("national-faq.json"))
        {
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Html.MainOf(await client.GetStringAsync(tenant.Path($"/informatie/{item.Slug}"))));
            Assert.Empty(document.QuerySelectorAll("[popover] .begrip, [popover] [popover], .page-words .begrip"));
            Assert.Empty(document.QuerySelectorAll("h1 .begrip, h2 .begrip, h3 .begrip, a .begrip, button .begrip"));
            var ids = document.QuerySelectorAll("[popover]").Select(p => p.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            // Every button opens an explanation on this page, and the list at the end names the same terms.
            var targets = document.QuerySelectorAll(".begrip-knop").Select(b => b.GetAttribute("popovertarget")).ToList();
            Assert.Equal(ids, targets);
            Assert.Equal(ids.Count, document.QuerySelectorAll(".page-words dt").Length);
            explained += ids.Count;
        }
        foreach (var term in StarterContent.Load<List<StarterContent.GlossarySeed>>("glossary.json"))
        {
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Html.MainOf(await client.GetStringAsync(tenant.Path($"/begrippen/{term.Slug}"))));
            Assert.Null(document.GetElementById("uitleg-" + term.Slug));
            Assert.Empty(document.QuerySelectorAll(".lead .begrip, h1 .begrip"));
        }
        Assert.True(explained > 100, $"only {explained} explanations on the starter pages");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_starter_item_and_term_has_a_working_page(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        foreach (var item in StarterContent.Load<List<StarterContent.FaqSeed>>("national-faq.json"))
        {
            var response = await client.GetAsync(tenant.Path($"/informatie/{item.Slug}"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, item.Slug);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("Laatst gecontroleerd op", page, StringComparison.Ordinal);
            Assert.Matches("<h2 id=\"bron\">(Bron|Bronnen)</h2>\\s*<ul>\\s*<li><a href=\"https://", page);
        }
        foreach (var theme in StarterContent.Load<List<Theme>>("themes.json"))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(tenant.Path($"/thema/{theme.Slug}"))).StatusCode);
        }
        var glossary = await client.GetStringAsync(tenant.Path("/begrippen"));
        foreach (var term in StarterContent.Load<List<StarterContent.GlossarySeed>>("glossary.json"))
        {
            Assert.Contains($"/begrippen/{term.Slug}\"", glossary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_demo_steunpunten_show_their_supplement_override_hidden_item_and_social_map()
    {
        // Its own first start, with the demo, on a migrated database (other apps start on a copy of one that did it).
        await using var app = await SteunpuntApp.StartAsync(Databases.Sqlite, demo: true, firstStart: true);
        var client = app.Anonymous();
        var tlv = Html.MainOf(await client.GetStringAsync("/rivierenland/informatie/wat-is-een-tlv"));
        Assert.Contains("In onze regio", tlv, StringComparison.Ordinal);
        var aanmelden = Html.MainOf(await client.GetStringAsync("/rivierenland/informatie/hoe-meld-ik-mijn-kind-aan"));
        Assert.Contains("Rivierenland", aanmelden, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/rivierenland/informatie/hulp-bij-begaafdheid")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/noorderveen/informatie/hulp-bij-begaafdheid")).StatusCode);
        var map = Html.MainOf(await client.GetStringAsync("/rivierenland/sociale-kaart?gemeente=Dijkhoven"));
        Assert.Contains("Wijkteam Dijkhoven", map, StringComparison.Ordinal);
        Assert.DoesNotContain("Sociaal team Molenbroek", map, StringComparison.Ordinal);
        var contact = Html.MainOf(await client.GetStringAsync("/rivierenland/contact"));
        Assert.Contains("maandag", contact, StringComparison.Ordinal);
        Assert.Contains("Samenwerkingsverband VO Rivierenland", contact, StringComparison.Ordinal);
        var finder = await client.GetStringAsync("/?zoek=Molenbroek");
        Assert.Contains("href=\"/rivierenland/\"", finder, StringComparison.Ordinal);
    }
}
