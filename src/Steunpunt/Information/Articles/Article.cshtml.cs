using Microsoft.AspNetCore.Html;
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
    public bool OnSteunpuntSite => !tenant.IsNational;
    public IHtmlContent ShortAnswer { get; private set; } = HtmlString.Empty;
    public IHtmlContent Explanation { get; private set; } = HtmlString.Empty;
    public IHtmlContent WhatYouCanDo { get; private set; } = HtmlString.Empty;
    public IHtmlContent WhoToGoTo { get; private set; } = HtmlString.Empty;
    public IHtmlContent Supplement { get; private set; } = HtmlString.Empty;
    public GlossaryAnnotator Words { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var article = await catalog.ArticleAsync(slug, ct);
        if (article is null)
        {
            return NotFound();
        }
        Article = article;
        Theme = (await catalog.ThemesAsync(ct)).FirstOrDefault(t => t.Code == article.ThemeCode);
        var terms = await glossary.ForPageAsync(Url, choices: article.TermChoices, ct: ct);
        Words = terms;
        ShortAnswer = renderer.RenderPlain(article.ShortAnswer, terms);
        Explanation = renderer.Render(article.Explanation, terms);
        Supplement = renderer.Render(article.Supplement, terms);
        WhatYouCanDo = renderer.Render(article.WhatYouCanDo, terms);
        WhoToGoTo = renderer.Render(article.WhoToGoTo, terms);
        return Page();
    }
}
