using System.Net;
using Steunpunt.Information;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

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
            Assert.Contains("Laatst gecontroleerd op", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
        await using var app = await SteunpuntApp.StartAsync(Databases.Sqlite, demo: true);
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
