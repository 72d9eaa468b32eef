using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Information.Editing;

/// <summary>Every national item with its sources and the date it was last checked, for editors to review.</summary>
public sealed class SourcesModel(SteunpuntDb db, InformationCatalog catalog) : PageModel
{
    public IReadOnlyList<FaqItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ThemeNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        ThemeNames = (await catalog.ThemesAsync(ct)).ToDictionary(t => t.Code, t => t.Name);
        Items = await db.FaqItems.AsNoTracking()
            .Where(f => f.TenantId == null && f.Layer == ContentLayer.Item)
            .OrderBy(f => f.ThemeCode).ThenBy(f => f.Audience).ThenBy(f => f.Question)
            .ToListAsync(ct);
    }
}
