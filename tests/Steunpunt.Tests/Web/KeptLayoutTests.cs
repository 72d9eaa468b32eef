using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>
/// The public header and footer are made once per steunpunt and audience and then kept (the layout's cache tag):
/// whatever order pages are asked in, each shows its own steunpunt's name and links and its own audience's words.
/// </summary>
public sealed partial class KeptLayoutTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Kept_headers_and_footers_belong_to_the_steunpunt_and_audience_of_the_page(string provider)
    {
        var app = await apps.ForAsync(provider);
        var first = await app.CreateTenantAsync();
        var second = await app.CreateTenantAsync();
        var visitor = app.Anonymous();
        var kept = (MemoryCache)app.Services.GetRequiredService<CacheTagHelperMemoryCacheFactory>().Cache;

        // A conversation's page first, while nothing is kept for these steunpunten: its code is in its address, and the
        // menu's link to the conversation page would take it over. It must not end up in what everybody gets.
        const string code = "geheimecode1234567890";
        foreach (var site in new[] { first, second })
        {
            var before = kept.Count;
            var conversation = await (await visitor.GetAsync(site.Path($"/gesprek/{code}"))).Content.ReadAsStringAsync();
            Assert.Contains(site.Name, Part(conversation, "header"), StringComparison.Ordinal);
            Assert.Equal(before, kept.Count); // not kept from this page
        }
        var checkedPages = 0;
        var variants = new HashSet<(string, bool, bool)>();
        // Twice over, interleaved: the second round finds every header and footer kept from the first.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (site, other) in new[] { (first, second), (second, first) })
            {
                foreach (var (page, youth, headerSearch) in new[]
                {
                    ("/", false, false),
                    ("/begrippen", false, true),
                    ("/zoeken?q=thuiszitten", false, true),
                    ("/zoeken?q=thuiszitten&voor=jongeren", true, true),
                })
                {
                    var before = kept.Count;
                    var html = await visitor.GetStringAsync(site.Path(page));
                    // Header and footer made and kept the first time this steunpunt, audience and header are asked for;
                    // after that taken from what was kept.
                    Assert.Equal(variants.Add((site.Slug, youth, headerSearch)) ? before + 2 : before, kept.Count);
                    var parts = Part(html, "header") + Part(html, "footer");
                    var what = $"{site.Slug}{page} (round {round + 1})";
                    Assert.False(parts.Contains(code, StringComparison.Ordinal), $"{what} shows a conversation's code");
                    Assert.True(parts.Contains(site.Name, StringComparison.Ordinal), $"{what} does not show its steunpunt's name");
                    Assert.False(parts.Contains(other.Slug, StringComparison.Ordinal), $"{what} shows another steunpunt");
                    var links = Href().Matches(parts).Select(m => m.Groups[1].Value).ToList();
                    Assert.True(links.Count(l => l.StartsWith($"/{site.Slug}/", StringComparison.Ordinal)) >= 14, $"{what} has too few of its own links:\n{string.Join("\n", links)}");
                    Assert.Equal(!youth, parts.Contains("Stel uw vraag", StringComparison.Ordinal));
                    Assert.Equal(youth, parts.Contains("Stel je vraag", StringComparison.Ordinal));
                    Assert.Equal(youth, parts.Contains("name=\"voor\" value=\"jongeren\"", StringComparison.Ordinal));
                    Assert.Equal(headerSearch, parts.Contains("id=\"zoek-kop\"", StringComparison.Ordinal));
                    checkedPages++;
                }
            }
        }
        Assert.Equal(16, checkedPages);
    }

    private static string Part(string html, string tag)
    {
        var start = html.IndexOf($"<{tag} ", StringComparison.Ordinal);
        var end = html.IndexOf($"</{tag}>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"The page has no <{tag}>.");
        return html[start..end];
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
