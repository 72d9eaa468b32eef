using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Stories.Review;

/// <summary>
/// A staff member reviews a story: the app proposes redactions per answer, the staff member accepts or edits them.
/// What they approve is stored exactly as approved; a second check may warn, never rewrite. Only the approved text
/// is used outside the staff area, and the teller's own words are deleted a short while after approval.
/// </summary>
public sealed class ReviewModel(SteunpuntDb db, CurrentTenant tenant, TimeProvider clock, IOptions<StoriesOptions> options, RegionalDirectory directory, ThemeNames themeNames) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The answers as the reviewer approves them, in the order of <see cref="Story.Prompts"/>.</summary>
    [BindProperty]
    public List<string> Parts { get; set; } = [];

    [BindProperty]
    public bool UseAsQuote { get; set; }

    /// <summary>The reviewer saw the second check's warnings and approves the text as it is.</summary>
    [BindProperty]
    public bool ApproveAsIs { get; set; }

    public Story? Story { get; private set; }
    public IReadOnlyDictionary<string, string> ThemeNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<Redactor.Finding> Findings { get; private set; } = [];
    /// <summary>What the check after editing still found; shown, never applied.</summary>
    public IReadOnlyList<Redactor.Finding> Warnings { get; private set; } = [];
    public int OriginalHours => options.Value.OriginalHoursAfterApproval;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Story!.ReviewedAt is null)
        {
            var proposal = Redactor.Propose(Story.Parts(), await KnownAsync(ct));
            Parts = [.. proposal.Parts];
            Findings = proposal.Findings;
        }
        else
        {
            Parts = [.. Story.RedactedParts()];
            UseAsQuote = Story.UseAsQuote;
        }
        if (Story.OriginalDeletedAt is null)
        {
            // The teller's own words are on this page: that is a read, and it is logged.
            db.CaseAudit.Add(new CaseAuditEntry { StoryId = Story.Id, At = clock.GetUtcNow(), UserId = UserId, UserName = UserName, Action = CaseAction.VerhaalGelezen });
            await db.SaveChangesAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var story = await db.Stories.SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (story is null)
        {
            return NotFound();
        }
        var count = story.ReviewedAt is null || story.RedactedParts().Length == Story.Prompts.Length ? Story.Prompts.Length : story.RedactedParts().Length;
        var parts = Enumerable.Range(0, count).Select(i => FormGuard.Clean(i < Parts.Count ? Parts[i] : "")).ToList();
        if (parts.All(p => p.Length == 0))
        {
            ModelState.AddModelError("Parts[0]", "De nagekeken tekst is leeg. Laat de tekst staan die gebruikt mag worden.");
        }
        else if (!ApproveAsIs && Redactor.Check(parts, await KnownAsync(ct)) is { Count: > 0 } warnings)
        {
            Warnings = warnings;
            ModelState.AddModelError(string.Empty, "De controle vond nog iets dat op een persoonlijk gegeven lijkt. Haal het weg, of kies ‘Goedkeuren zoals het er staat’.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Parts = parts;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow();
        story.Approve(parts);
        story.UseAsQuote = story.MayQuote && UseAsQuote;
        story.ReviewedAt ??= now;
        story.ReviewedBy = UserName;
        db.CaseAudit.Add(new CaseAuditEntry { StoryId = story.Id, At = now, UserId = UserId, UserName = UserName, Action = CaseAction.VerhaalGoedgekeurd });
        if (options.Value.OriginalHoursAfterApproval == 0 && story.OriginalDeletedAt is null)
        {
            StoriesFeature.DeleteOriginal(db, story, UserName, now);
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Stories/Review/Index");
    }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";

    private string UserName => User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        ThemeNames = await themeNames.ByCodeAsync(ct);
        return Story is not null;
    }

    private async Task<Redactor.Known> KnownAsync(CancellationToken ct)
    {
        var schools = await db.Set<School>().AsNoTracking().Select(s => new { s.Name, s.Gemeente }).ToListAsync(ct);
        var organisations = await directory.OrganisationNamesAsync(ct);
        var gemeenten = await db.Set<ServedGemeente>().AsNoTracking().Select(g => g.Name).ToListAsync(ct);
        return new Redactor.Known(schools.Select(s => s.Name), organisations, [.. gemeenten, .. schools.Select(s => s.Gemeente), tenant.Value?.Name ?? ""]);
    }
}
