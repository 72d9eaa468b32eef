using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>
/// How public pages present themselves: one form of address per audience in everything around the content (menu,
/// search, footer, headings, buttons), a description of their own, and an icon that is really there.
/// </summary>
public sealed partial class PagePresentationTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly string[] s_parentPages =
    [
        "/", "/thema/speciaal-onderwijs-en-tlv", "/informatie/wat-is-een-tlv", "/begrippen", "/begrippen/zorgplicht",
        "/zoeken", "/zoeken?q=thuis", "/zoeken?q=toelaatbaarheidsverklaaring", "/contact", "/sociale-kaart", "/over-ons",
        "/privacy", "/toegankelijkheid", "/bij-wie-moet-je-zijn", "/jullie-zeiden-wij-deden",
        "/vraag-stellen", "/gesprek", "/vertel",
    ];

    private static readonly string[] s_youthPages =
    [
        "/jongeren", "/thema/thuiszitten-en-verzuim?voor=jongeren", "/informatie/ik-wil-niet-meer-naar-school",
        "/zoeken?voor=jongeren&q=gepest", "/zoeken?voor=jongeren&q=toelaatbaarheidsverklaaring",
        "/vraag-stellen?voor=jongeren", "/gesprek?voor=jongeren", "/vertel?voor=jongeren",
    ];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Parents_pages_say_u_and_youth_pages_say_je_in_every_part_around_the_content(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var wrong = new List<string>();
        foreach (var (pages, forbidden, who) in new[] { (s_parentPages, JeWords(), "parents"), (s_youthPages, UWords(), "youth") })
        {
            foreach (var path in pages)
            {
                var html = await client.GetStringAsync(tenant.Path(path));
                var chrome = Chrome(html);
                Assert.Contains(who == "youth" ? "Stel je vraag" : "Stel uw vraag", chrome, StringComparison.Ordinal);
                wrong.AddRange(forbidden.Matches(chrome).Select(m => $"{who} {path}: …{Around(chrome, m.Index)}…"));
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_public_page_has_a_description_of_its_own_and_the_icon_is_there(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var descriptions = new Dictionary<string, string>();
        foreach (var path in s_parentPages.Concat(s_youthPages).Where(p => !p.Contains("toelaatbaarheidsverklaaring", StringComparison.Ordinal)))
        {
            var document = new HtmlParser().ParseDocument(await client.GetStringAsync(tenant.Path(path)));
            var meta = document.QuerySelectorAll("meta[name=description]").ToList();
            Assert.True(meta.Count == 1, $"{path} has {meta.Count} descriptions");
            var content = meta[0].GetAttribute("content") ?? "";
            Assert.True(content.Length >= 30, $"{path}: \"{content}\"");
            descriptions[path] = content;
        }
        var shared = descriptions.GroupBy(d => d.Value).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(d => d.Key))).ToList();
        Assert.True(shared.Count == 0, "Pages share a description: " + string.Join("; ", shared));

        foreach (var path in new[] { "/favicon.ico", tenant.Path("/favicon.ico"), tenant.Path("/favicon.svg") })
        {
            var icon = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
            Assert.StartsWith("image/", icon.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }
        var home = new HtmlParser().ParseDocument(await client.GetStringAsync(tenant.Path("/")));
        var iconPath = home.QuerySelector("link[rel=icon]")?.GetAttribute("href") ?? "";
        Assert.Matches($"^/{tenant.Slug}/favicon\\.[a-z0-9]+\\.svg$", iconPath); // its fingerprinted name
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(iconPath)).StatusCode);
        // One search box on the home page: its own, not the header's as well.
        Assert.Single(home.QuerySelectorAll("input[type=search]"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_code_page_is_reachable_from_the_menu_home_contact_and_the_question_form(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var code = $"/{tenant.Slug}/gesprek";
        foreach (var path in new[] { "/", "/contact", "/vraag-stellen" })
        {
            var document = new HtmlParser().ParseDocument(await client.GetStringAsync(tenant.Path(path)));
            Assert.True(document.QuerySelectorAll("main a").Any(a => a.GetAttribute("href") == code), $"{path} has no link to {code} in its content");
            Assert.True(document.QuerySelectorAll("header a, footer a").Any(a => a.GetAttribute("href") == code), $"{path} has no link to {code} in the menu or footer");
        }
    }

    /// <summary>Everything the site puts around the content, and the headings, buttons and labels inside it.</summary>
    private static string Chrome(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var main = document.QuerySelector("main")!;
        var inside = main.QuerySelectorAll("h1, h2, h3, button, label, legend, summary, .contact-card, .did-you-mean")
            .Where(e => e.Closest("[popover]") is null)
            .Select(e => e.TextContent);
        main.Remove();
        return Regex.Replace(string.Join(" | ", inside.Prepend(document.Body!.TextContent)), @"\s+", " ");
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 40)..Math.Min(text.Length, at + 40)];

    [GeneratedRegex(@"\b(je|jij|jou|jouw)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JeWords();

    [GeneratedRegex(@"\b(u|uw)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UWords();
}
