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

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var term = (await catalog.GlossaryAsync(ct)).FirstOrDefault(t => t.Slug == slug);
        if (term is null)
        {
            return NotFound();
        }
        Term = term;
        Explanation = renderer.Render(term.Explanation, await glossary.ForPageAsync(Url, term.Id, ct));
        return Page();
    }
}
