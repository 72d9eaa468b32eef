using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Information.Regional;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class SocialMapModel(SteunpuntDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Gemeente { get; set; }

    public IReadOnlyList<string> Gemeenten { get; private set; } = [];
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public DateOnly LastReviewedOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Gemeenten = (await db.ServedGemeenten.AsNoTracking().Select(g => g.Name).ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
        var all = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var chosen = Gemeenten.FirstOrDefault(g => string.Equals(g, Gemeente, StringComparison.OrdinalIgnoreCase));
        Gemeente = chosen;
        Organisations = all
            .Where(o => chosen is null || o.GemeenteList().Count == 0 || o.GemeenteList().Contains(chosen, StringComparer.OrdinalIgnoreCase))
            .OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
        LastReviewedOn = all.Count == 0 ? default : all.Min(o => o.LastReviewedOn);
        return Page();
    }
}
