using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Information.Schools;

/// <summary>The pages for schools (the page itself, the flyer, the poster and the block): each shows the steunpunt's
/// kit, and on the national site there is none (404).</summary>
public abstract class SchoolKitPage(SchoolKit kit) : PageModel
{
    public SchoolKit.View Kit { get; private set; } = null!;

    /// <summary>The QR code to the steunpunt's site, drawn in-house as SVG (flyer and poster).</summary>
    public IHtmlContent Qr => new HtmlString(QrSvg.Render(Kit.SiteUrl, $"QR-code: {Kit.SiteUrlShort}"));

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
