using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Themes;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class YouthModel(InformationCatalog catalog) : PageModel
{
    public IReadOnlyList<(Theme Theme, IReadOnlyList<Article> Articles)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var articles = (await catalog.ArticlesAsync(ct)).Where(a => a.Audience == Audience.Jongeren).ToList();
        var themes = await catalog.ThemesAsync(ct);
        Groups = themes.Select(t => (t, (IReadOnlyList<Article>)articles.Where(a => a.ThemeCode == t.Code).ToList()))
            .Where(g => g.Item2.Count > 0).ToList();
    }
}
