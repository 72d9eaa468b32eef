using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Information.Home;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class IndexModel(CurrentTenant tenant, InformationCatalog catalog, SteunpuntProfile profile, SteunpuntFinder finder,
    ContentRenderer renderer, Search.SearchLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? FinderQuery { get; set; }

    public bool IsNational => tenant.IsNational;
    public IReadOnlyList<(Theme Theme, int Count)> Themes { get; private set; } = [];
    public SteunpuntProfile.View? Profile { get; private set; }
    public bool TooMany { get; private set; }
    public IReadOnlyList<SteunpuntFinder.Match>? Matches { get; private set; }
    public ContentRenderer Renderer => renderer;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var articles = await catalog.ArticlesAsync(ct);
        var themes = await catalog.ThemesAsync(ct);
        Themes = themes.Select(t => (t, articles.Count(a => a.ThemeCode == t.Code && a.Audience == Audience.Ouders)))
            .Where(x => x.Item2 > 0).ToList();
        if (tenant.IsNational)
        {
            if (FinderQuery is not null && !limits.TrySearch(HttpContext))
            {
                // The finder counts as a search: one address cannot keep the database busy with it.
                TooMany = true;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }
            else if (FinderQuery is not null)
            {
                Matches = await finder.FindAsync(FinderQuery, ct);
            }
        }
        else
        {
            Profile = await profile.LoadAsync(ct);
        }
    }
}
