using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Information.Editing;

/// <summary>The readability panel alone, for js/readability.js while an editor types: the same analysis as after
/// "Voorbeeld". Editors only (the Editing folder's policy) and with the form's antiforgery token; nothing is stored.</summary>
public sealed class ReadabilityPanelModel : PageModel
{
    private const int MaxLength = 60000;

    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost([FromForm(Name = "deel")] string[]? parts, [FromForm(Name = "voor")] Audience? audience)
    {
        parts ??= [];
        if (parts.Length > 10 || parts.Sum(p => p?.Length ?? 0) > MaxLength)
        {
            return BadRequest();
        }
        Response.Headers.CacheControl = "no-store";
        return Partial("/Information/Editing/_Readability.cshtml", ReadabilityText.Of(audience, parts));
    }
}
