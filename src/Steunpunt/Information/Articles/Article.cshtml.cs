using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Information.Articles;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class ArticleModel(InformationCatalog catalog, ContentRenderer renderer, PageGlossary glossary, CurrentTenant tenant) : PageModel
{
    public Article Article { get; private set; } = null!;
    public Theme? Theme { get; private set; }
    public ArticleView View { get; private set; } = null!;

    /// <summary>schema.org FAQPage as JSON-LD. System.Text.Json escapes &lt;, &gt; and &amp;, so no text can end the
    /// script element it stands in; a data block is not run, so the CSP's script-src does not apply to it.</summary>
    public string StructuredData { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var article = await catalog.ArticleAsync(slug, ct);
        if (article is null)
        {
            return NotFound();
        }
        Article = article;
        Theme = (await catalog.ThemesAsync(ct)).FirstOrDefault(t => t.Code == article.ThemeCode);
        View = await ArticleView.BuildAsync(article, !tenant.IsNational, renderer, glossary, Url, preview: false, ct);
        StructuredData = FaqPage(article);
        return Page();
    }

    private string FaqPage(Article article)
    {
        var answer = string.Join("\n\n", new[] { article.ShortAnswer, renderer.PlainText(article.Explanation), renderer.PlainText(article.Supplement),
            renderer.PlainText(article.WhatYouCanDo) }.Where(t => t.Length > 0));
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "FAQPage",
            ["inLanguage"] = "nl",
            ["mainEntity"] = new JsonArray(new JsonObject
            {
                ["@type"] = "Question",
                ["name"] = article.Question,
                ["acceptedAnswer"] = new JsonObject
                {
                    ["@type"] = "Answer",
                    ["text"] = answer,
                },
            }),
        }.ToJsonString();
    }
}
