using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Information.Home;

/// <summary>
/// <c>sitemap.xml</c> (sitemaps.org 0.9) of the site being visited: its public pages with their absolute address and,
/// for answers, the day they were last checked. On the national site also every live steunpunt's home page. Links are
/// made by the framework (Url.Page) and made absolute from configuration, never from the Host header.
/// </summary>
public sealed class SitemapModel(InformationCatalog catalog, CurrentTenant tenant, PublicAddress address, TenantDirectory directory) : PageModel
{
    private static readonly XNamespace s_ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var urls = new List<XElement>();
        void Add(string? path, DateOnly? lastmod = null)
        {
            if (path is null)
            {
                return;
            }
            var url = new XElement(s_ns + "url", new XElement(s_ns + "loc", address.Link(path)));
            if (lastmod is { } day && day > DateOnly.MinValue)
            {
                url.Add(new XElement(s_ns + "lastmod", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            }
            urls.Add(url);
        }
        Add(Url.Page("/Information/Home/Index"));
        Add(Url.Page("/Information/Themes/Youth"));
        Add(Url.Page("/Information/Glossary/Index"));
        Add(Url.Page("/Information/Articles/NewAndChanged"));
        foreach (var theme in await catalog.ThemesAsync(ct))
        {
            Add(Url.Page("/Information/Themes/Theme", new { slug = theme.Slug }));
        }
        foreach (var article in await catalog.ArticlesAsync(ct))
        {
            Add(Url.Page("/Information/Articles/Article", new { slug = article.Slug }), article.LastReviewedOn);
        }
        foreach (var term in await catalog.GlossaryAsync(ct))
        {
            Add(Url.Page("/Information/Glossary/Term", new { slug = term.Slug }));
        }
        if (tenant.IsNational)
        {
            Add(Url.Page("/Information/Home/Steunpunten"));
            foreach (var steunpunt in (await directory.GetAsync(ct)).BySlug.Values.Where(s => !s.InOprichting).OrderBy(s => s.Slug, StringComparer.Ordinal))
            {
                urls.Add(new XElement(s_ns + "url", new XElement(s_ns + "loc", address.LinkFor(steunpunt, "/"))));
            }
        }
        else
        {
            Add(Url.Page("/Information/Regional/Contact"));
            Add(Url.Page("/Information/Regional/SocialMap"));
            Add(Url.Page("/Information/Schools/ForSchools"));
            Add(Url.Page("/Information/Schools/Flyer"));
            Add(Url.Page("/Information/Schools/Poster"));
            foreach (var kind in new[] { "over-ons", "bij-wie-moet-je-zijn", "privacy", "toegankelijkheid" })
            {
                Add(Url.Page("/Information/Regional/RegionalText", new { kind }));
            }
        }
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(s_ns + "urlset", urls));
        return Content(xml.Declaration + "\n" + xml.Root, "application/xml; charset=utf-8");
    }
}
