using System.Net;
using AngleSharp.Html.Parser;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information.Search;

/// <summary>Results people can judge: the word they typed explained, the steunpunt's own pages, and no weak tail.</summary>
public sealed class SearchResultsTests(Apps apps) : IClassFixture<Apps>
{
    private static string Search(TestTenant tenant, string q, bool youth = false) =>
        tenant.Path("/zoeken?q=" + Uri.EscapeDataString(q) + (youth ? "&voor=jongeren" : ""));

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_glossary_term_or_everyday_word_shows_what_it_means_above_the_answers(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var visitor = app.Anonymous();

        var old = new HtmlParser().ParseDocument(Html.MainOf(await visitor.GetStringAsync(Search(tenant, "rugzakje"))));
        var term = old.QuerySelector(".found-terms dt a")!;
        Assert.Equal($"/{tenant.Slug}/begrippen/rugzakje", term.GetAttribute("href"));
        Assert.Contains("Dit is een oud woord. U hoort het nog wel.", old.QuerySelector(".found-terms dd")!.TextContent, StringComparison.Ordinal);

        // "taxi" is an everyday word for leerlingenvervoer: the term is shown, and the answer found.
        var taxi = new HtmlParser().ParseDocument(Html.MainOf(await visitor.GetStringAsync(Search(tenant, "taxi"))));
        Assert.Contains(taxi.QuerySelectorAll(".found-terms dt a"), a => a.GetAttribute("href")!.EndsWith("/begrippen/leerlingenvervoer", StringComparison.Ordinal));
        Assert.Contains(taxi.QuerySelectorAll(".results li > a"), a => a.GetAttribute("href")!.EndsWith("/informatie/leerlingenvervoer-aanvragen", StringComparison.Ordinal));

        // A term page leads on to the answers that use it.
        var page = new HtmlParser().ParseDocument(Html.MainOf(await visitor.GetStringAsync(tenant.Path("/begrippen/toelaatbaarheidsverklaring"))));
        Assert.Contains(page.QuerySelectorAll(".article-list a"), a => a.GetAttribute("href")!.EndsWith("/informatie/wat-is-een-tlv", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_steunpunts_own_pages_are_found_too_and_only_on_that_steunpunt(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var word = "Inloopochtend" + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(tenant.Id, async db =>
        {
            var route = db.RegionalPages.Single(p => p.Kind == RegionalPageKind.OverOns);
            route.Body = $"Elke dinsdag is er een {word} in de bibliotheek. Kom gerust langs.";
            await db.SaveChangesAsync();
        });
        await app.PublishedAsync(tenant.Id);

        var visitor = app.Anonymous();
        var document = new HtmlParser().ParseDocument(Html.MainOf(await visitor.GetStringAsync(Search(tenant, word))));
        var links = document.QuerySelectorAll(".results li > a").ToList();
        // The page that holds the word comes first.
        var link = links[0];
        Assert.Equal($"/{tenant.Slug}/over-ons", link.GetAttribute("href"));
        Assert.Contains("Pagina van ons steunpunt", document.QuerySelector(".results li")!.TextContent, StringComparison.Ordinal);
        var elsewhere = Html.MainOf(await visitor.GetStringAsync(Search(other, word)));
        Assert.DoesNotContain("over-ons", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain("Pagina van ons steunpunt", elsewhere, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Weak_matches_are_left_out_so_the_count_means_something(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var visitor = app.Anonymous();
        foreach (var query in new[] { "thuiszitter", "tlv aanvragen", "mijn kind wordt gepest", "leerlingenvervoer" })
        {
            var document = new HtmlParser().ParseDocument(Html.MainOf(await visitor.GetStringAsync(Search(tenant, query))));
            var count = document.QuerySelectorAll(".results ol > li").Length;
            Assert.InRange(count, 1, 12);
            Assert.Equal(count == 1 ? "1 antwoord gevonden" : $"{count} antwoorden gevonden", document.QuerySelector("h2#resultaten")!.TextContent);
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_national_item_needs_a_source_and_shows_it_under_the_answer(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.NationalEditor, null), null);
        var question = $"Landelijke vraag over bronnen {Guid.NewGuid():N}";
        var form = await editor.GetStringAsync("/beheer/item");
        (string, string)[] fields = [("Input.Question", question), ("Input.ShortAnswer", "Kort antwoord."), ("Input.ThemeCode", "T14"), ("Input.Audience", "Ouders")];

        var refused = await editor.PostAsync("/beheer/item?handler=Publish", SteunpuntApp.FormFrom(form, fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Een landelijk item heeft minstens één bron nodig", Html.Text(refusedHtml), StringComparison.Ordinal);
        var badLine = await editor.PostAsync("/beheer/item?handler=Publish", SteunpuntApp.FormFrom(form, [.. fields, ("Input.Sources", "Een wet zonder link")]));
        var badHtml = await badLine.Content.ReadAsStringAsync();
        Assert.Contains("Regel 1 van de bronnen heeft geen goede link", badHtml, StringComparison.Ordinal);
        Assert.Contains("Een wet zonder link", badHtml, StringComparison.Ordinal);

        var saved = await editor.PostAsync("/beheer/item?handler=Publish", SteunpuntApp.FormFrom(form,
            [.. fields, ("Input.Sources", "Wet op het primair onderwijs, artikel 40 | https://wetten.overheid.nl/jci1.3:c:BWBR0003420&artikel=40")]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var slug = Steunpunt.Information.Editing.Slugs.From(question);
        var article = new HtmlParser().ParseDocument(Html.MainOf(await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{slug}"))));
        var source = Assert.Single(article.QuerySelectorAll(".sources li a"));
        Assert.Equal("Wet op het primair onderwijs, artikel 40", source.TextContent);
        Assert.Equal("https://wetten.overheid.nl/jci1.3:c:BWBR0003420&artikel=40", source.GetAttribute("href"));

        var overview = await editor.GetStringAsync("/beheer/bronnen");
        Assert.Contains(question, overview, StringComparison.Ordinal);
        Assert.Contains("Elk item heeft een bron.", overview, StringComparison.Ordinal);
    }
}
