using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Themes;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class ThemeModel(InformationCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "voor")]
    public string? For { get; set; }

    public Theme Theme { get; private set; } = null!;
    public Audience Audience => For == "jongeren" ? Audience.Jongeren : Audience.Ouders;
    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var theme = (await catalog.ThemesAsync(ct)).FirstOrDefault(t => t.Slug == slug);
        if (theme is null)
        {
            return NotFound();
        }
        Theme = theme;
        var articles = (await catalog.ArticlesAsync(ct)).Where(a => a.ThemeCode == theme.Code && a.Audience == Audience).ToList();
        Articles = articles;
        return Page();
    }
}
