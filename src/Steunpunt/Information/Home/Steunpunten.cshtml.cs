using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Information.Home;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class SteunpuntenModel(SteunpuntFinder finder, CurrentTenant tenant) : PageModel
{
    public IReadOnlyList<SteunpuntFinder.Match> All { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!tenant.IsNational)
        {
            return NotFound();
        }
        All = await finder.AllAsync(ct);
        return Page();
    }
}
