using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Schools;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class ForSchoolsModel(SchoolKit kit) : PageModel
{
    public SchoolKit.View Kit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await kit.LoadAsync(Url, ct) is not { } view)
        {
            return NotFound();
        }
        Kit = view;
        return Page();
    }
}
