using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Information.Articles;

/// <summary>An Atom feed (RFC 4287) of the site's newest and latest changed answers, as this site shows them (the
/// national set with the steunpunt's layer, plus its own items): for feed readers and for whoever links to the site.</summary>
public sealed class FeedModel(InformationCatalog catalog, CurrentTenant tenant, PublicAddress address, TimeProvider clock) : PageModel
{
    public const int Entries = 50;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var site = tenant.Value?.Name ?? "Ouder- en jeugdsteunpunten passend onderwijs";
        var articles = (await catalog.ArticlesAsync(ct))
            .Select(a => (Article: a, Updated: new[] { a.Source.UpdatedAt, a.Replacement?.UpdatedAt ?? default, a.RegionalSupplement?.UpdatedAt ?? default }.Max()))
            .OrderByDescending(a => a.Updated).Take(Entries).ToList();
        var self = address.Link(Url.Page("/Information/Articles/Feed")!);
        var feed = new SyndicationFeed($"{site}: nieuwe en gewijzigde antwoorden", "Antwoorden op vragen over passend onderwijs.",
            new Uri(address.Link(Url.Page("/Information/Articles/NewAndChanged")!)), self,
            articles.Count > 0 ? articles[0].Updated : clock.GetUtcNow());
        feed.Authors.Add(new SyndicationPerson { Name = site });
        feed.Links.Add(new SyndicationLink(new Uri(self), "self", null, "application/atom+xml", 0));
        feed.Language = "nl";
        feed.Items = articles.Select(a =>
        {
            var link = address.Link(Url.Page("/Information/Articles/Article", new { slug = a.Article.Slug })!);
            return new SyndicationItem(a.Article.Question, a.Article.ShortAnswer, new Uri(link), link, a.Updated)
            {
                Summary = new TextSyndicationContent(a.Article.ShortAnswer),
            };
        }).ToList();
        var text = new StringBuilder();
        await using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Async = true, Indent = true, Encoding = Encoding.UTF8 }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return Content(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/atom+xml; charset=utf-8");
    }
}
