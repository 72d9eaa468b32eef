using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Web;

namespace Steunpunt.Information.Regional;

/// <summary>Over ons, privacy, toegankelijkheid and the route "bij wie moet je zijn": a steunpunt's own pages.</summary>
[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class RegionalTextModel(SteunpuntDb db, ContentRenderer renderer, PageGlossary glossary) : PageModel
{
    public static readonly IReadOnlyDictionary<string, RegionalPageKind> Routes = new Dictionary<string, RegionalPageKind>
    {
        ["over-ons"] = RegionalPageKind.OverOns,
        ["privacy"] = RegionalPageKind.Privacy,
        ["toegankelijkheid"] = RegionalPageKind.Toegankelijkheid,
        ["bij-wie-moet-je-zijn"] = RegionalPageKind.Route,
    };

    public RegionalPage Text { get; private set; } = null!;
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;
    public GlossaryAnnotator Words { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (!Routes.TryGetValue(kind, out var pageKind))
        {
            return NotFound();
        }
        // The tenant filter leaves nothing on the national site, so this is a 404 there.
        var content = await db.RegionalPages.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Kind == pageKind && p.Status == ContentStatus.Published, ct);
        if (content is null)
        {
            return NotFound();
        }
        Text = content;
        Words = await glossary.ForPageAsync(Url, choices: content.TermChoices, ct: ct);
        Body = renderer.Render(content.Body, Words);
        return Page();
    }
}
