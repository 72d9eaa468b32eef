using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;

namespace Steunpunt.National.Practice;

/// <summary>The public library of published practice examples: filter by pillar, sector and theme, and search.</summary>
public sealed class IndexModel(SteunpuntDb db, DutchMatching matching) : PageModel
{
    public IReadOnlyList<PracticeExample> Examples { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public Pillar? Pillar { get; private set; }
    public Sector? Sector { get; private set; }
    public string? Theme { get; private set; }
    public string Query { get; private set; } = "";

    public async Task OnGetAsync(string? pijler, string? sector, string? thema, string? q, CancellationToken ct)
    {
        Themes = await db.Set<Theme>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        Pillar = Pillars.Parse(pijler);
        Sector = sector switch { "PO" => Vocabulary.Sector.PO, "VO" => Vocabulary.Sector.VO, "samen" => Vocabulary.Sector.Onbekend, _ => null };
        Theme = Themes.Any(t => t.Code == thema) ? thema : null;
        var typed = (q ?? "").Trim();
        Query = typed.Length > 200 ? typed[..200] : typed;
        var examples = PracticeExample.Public(db);
        if (Pillar is { } p)
        {
            examples = examples.Where(e => e.Pillar == p);
        }
        if (Sector is { } s)
        {
            examples = examples.Where(e => e.Sector == s);
        }
        if (Theme is { } code)
        {
            examples = examples.Where(e => e.ThemeCode == code);
        }
        var list = await examples.OrderByDescending(e => e.PublishedAt).Take(500).ToListAsync(ct);
        Examples = matching.Rank(Query, list, e => e.Title, e => string.Join('\n', PracticeNames.Parts(e).Select(part => part.Text)));
    }
}
