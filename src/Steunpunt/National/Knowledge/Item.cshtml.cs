using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.National.Knowledge;

/// <summary>One knowledge-base item.</summary>
public sealed class ItemModel(SteunpuntDb db) : PageModel
{
    public KnowledgeItem Item { get; private set; } = null!;
    public string? ThemeName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.Set<KnowledgeItem>().AsNoTracking().SingleOrDefaultAsync(k => k.Slug == slug, ct) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        ThemeName = item.ThemeCode is { } code ? await db.Set<Theme>().Where(t => t.Code == code).Select(t => t.Name).SingleOrDefaultAsync(ct) : null;
        return Page();
    }
}
