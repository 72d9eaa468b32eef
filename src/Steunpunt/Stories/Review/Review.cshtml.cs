using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Stories.Review;

/// <summary>A staff member reviews a story: the app proposes redactions, the staff member accepts or edits them.
/// Only the accepted text is used outside the staff area.</summary>
public sealed class ReviewModel(SteunpuntDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Redacted { get; set; }

    [BindProperty]
    public bool UseAsQuote { get; set; }

    public Story? Story { get; private set; }
    public IReadOnlyList<Redactor.Finding> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Story!.ReviewedAt is null)
        {
            var proposal = await ProposeAsync(Story.FullText(), ct);
            Redacted = proposal.Text;
            Findings = proposal.Findings;
        }
        else
        {
            Redacted = Story.RedactedText;
            UseAsQuote = Story.UseAsQuote;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var text = FormGuard.Clean(Redacted);
        var story = await db.Stories.SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (story is null)
        {
            return NotFound();
        }
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(Redacted), "De nagekeken tekst is leeg. Laat de tekst staan die gebruikt mag worden.");
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // What staff accepted is checked once more: details they missed are still taken out.
        var check = await ProposeAsync(text, ct);
        story.RedactedText = check.Text;
        story.UseAsQuote = story.MayQuote && UseAsQuote;
        story.ReviewedAt = clock.GetUtcNow();
        story.ReviewedBy = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/postvak/verhalen");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        return Story is not null;
    }

    private async Task<Redactor.Proposal> ProposeAsync(string text, CancellationToken ct)
    {
        var schools = await db.Set<School>().AsNoTracking().Select(s => s.Name).ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().Select(o => o.Name).ToListAsync(ct);
        return Redactor.Propose(text, schools, organisations);
    }
}
