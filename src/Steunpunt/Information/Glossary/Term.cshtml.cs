using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Glossary;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class TermModel(InformationCatalog catalog, ContentRenderer renderer, PageGlossary glossary) : PageModel
{
    public GlossaryTerm Term { get; private set; } = null!;
    public IHtmlContent Explanation { get; private set; } = HtmlString.Empty;
    /// <summary>The answers on this site that use the term, so the term page leads on.</summary>
    public IReadOnlyList<Article> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var terms = await catalog.GlossaryAsync(ct);
        var term = terms.FirstOrDefault(t => t.Slug == slug);
        if (term is null)
        {
            return NotFound();
        }
        Term = term;
        Explanation = renderer.Render(term.Explanation, await glossary.ForPageAsync(Url, term.Id, ct: ct));
        Answers = (await catalog.ArticlesAsync(ct))
            .Where(a => new GlossaryAnnotator(terms, _ => "").Choose(TermChoices.Parse(a.TermChoices))
                .Mentions(term.Id, string.Join('\n', a.Question, a.ShortAnswer, a.Explanation, a.WhatYouCanDo, a.WhoToGoTo, a.Supplement)))
            .OrderBy(a => a.Audience).ThenBy(a => a.ThemeCode, StringComparer.Ordinal)
            .ToList();
        return Page();
    }
}
