using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Search;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class SearchModel(InformationCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "voor")]
    public string? For { get; set; }

    public string Query { get; private set; } = "";
    public bool TooLong { get; private set; }
    public IReadOnlyList<Article> Results { get; private set; } = [];
    public IReadOnlyList<GlossaryTerm> Terms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Control characters and overlong input get a calm page, never an error.
        var clean = new string((Q ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        TooLong = clean.Length > SimpleSearch.MaxQueryLength;
        Query = TooLong ? clean[..SimpleSearch.MaxQueryLength] : clean;
        if (Query.Length == 0)
        {
            return;
        }
        var audience = For == "jongeren" ? Audience.Jongeren : (Audience?)null;
        Results = SimpleSearch.Find(await catalog.ArticlesAsync(ct), Query, audience);
        var words = SimpleSearch.Words(Query).ToHashSet();
        Terms = (await catalog.GlossaryAsync(ct))
            .Where(t => words.Contains(SimpleSearch.Fold(t.Term)) || (t.Abbreviation is { } a && words.Contains(SimpleSearch.Fold(a))))
            .ToList();
    }
}
