using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;

namespace Steunpunt.National.Knowledge;

/// <summary>The public knowledge base for professionals: the expert group's answers to questions that play more widely,
/// by pillar and theme, searched with the site search's Dutch analysis.</summary>
public sealed class IndexModel(SteunpuntDb db, DutchMatching matching) : PageModel
{
    public IReadOnlyList<KnowledgeItem> Items { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public Pillar? Pillar { get; private set; }
    public string? Theme { get; private set; }
    public string Query { get; private set; } = "";

    public async Task OnGetAsync(string? pijler, string? thema, string? q, CancellationToken ct)
    {
        Themes = await db.Set<Theme>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        Pillar = Pillars.Parse(pijler);
        Theme = Themes.Any(t => t.Code == thema) ? thema : null;
        Query = (q ?? "").Trim() is { Length: <= 200 } typed ? typed : q!.Trim()[..200];
        var items = db.Set<KnowledgeItem>().AsNoTracking();
        if (Pillar is { } p)
        {
            items = items.Where(k => k.Pillar == p);
        }
        if (Theme is { } code)
        {
            items = items.Where(k => k.ThemeCode == code);
        }
        var list = await items.OrderByDescending(k => k.UpdatedAt).Take(500).ToListAsync(ct);
        Items = matching.Rank(Query, list, k => k.Title, k => k.Question + "\n" + k.Answer);
    }
}
