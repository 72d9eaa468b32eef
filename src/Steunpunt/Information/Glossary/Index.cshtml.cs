using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Glossary;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class IndexModel(InformationCatalog catalog) : PageModel
{
    public IReadOnlyList<GlossaryTerm> Terms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Terms = await catalog.GlossaryAsync(ct);
}
