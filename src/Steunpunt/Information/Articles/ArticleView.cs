using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Steunpunt.Information.Articles;

/// <summary>
/// An article ready to show: its text rendered with the glossary explanations of its page, the regional layer applied.
/// The public page and the editors' preview both make it here and show it with the same partial (_Article.cshtml), so
/// what the editor sees before publishing is what visitors will read.
/// </summary>
public sealed record ArticleView(Article Article, bool OnSteunpuntSite, IHtmlContent ShortAnswer, IHtmlContent Explanation,
    IHtmlContent WhatYouCanDo, IHtmlContent WhoToGoTo, IHtmlContent Supplement, GlossaryAnnotator Words, bool Preview = false)
{
    public static async Task<ArticleView> BuildAsync(Article article, bool onSteunpuntSite, ContentRenderer renderer, PageGlossary glossary,
        IUrlHelper url, bool preview, CancellationToken ct)
    {
        var terms = await glossary.ForPageAsync(url, choices: article.TermChoices, ct: ct);
        // Render in the order the page shows the parts: a term is explained where it first appears.
        var shortAnswer = renderer.RenderPlain(article.ShortAnswer, terms);
        var explanation = renderer.Render(article.Explanation, terms);
        var supplement = renderer.Render(article.Supplement, terms);
        var whatYouCanDo = renderer.Render(article.WhatYouCanDo, terms);
        var whoToGoTo = renderer.Render(article.WhoToGoTo, terms);
        return new ArticleView(article, onSteunpuntSite, shortAnswer, explanation, whatYouCanDo, whoToGoTo, supplement, terms, preview);
    }
}
