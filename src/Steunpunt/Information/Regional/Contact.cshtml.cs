using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Regional;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class ContactModel(SteunpuntProfile profile) : PageModel
{
    public SteunpuntProfile.View Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await profile.LoadAsync(ct);
        if (view is null)
        {
            return NotFound();
        }
        Profile = view;
        return Page();
    }
}
