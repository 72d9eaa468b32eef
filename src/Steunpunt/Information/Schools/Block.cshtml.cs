using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Schools;

/// <summary>The block a school shows on its own website in a frame: contact, opening hours and top questions. The one
/// page any site may frame; it has no form and sets no cookie.</summary>
[OutputCache(PolicyName = WebFeature.PublicPages)]
[FramableAnywhere]
public sealed class BlockModel(SchoolKit kit) : PageModel
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
