using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>Create or edit a glossary term of the site being edited (national, or the steunpunt's own).</summary>
public sealed class TermEditModel(SteunpuntDb db, CurrentTenant tenant, ContentChanges changes, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public bool Saved { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul het begrip in.")]
        [StringLength(120, ErrorMessage = "Het begrip is te lang.")]
        public string Term { get; set; } = "";

        [StringLength(20, ErrorMessage = "De afkorting is te lang.")]
        public string? Abbreviation { get; set; }

        [StringLength(500, ErrorMessage = "Deze lijst is te lang.")]
        public string? Aliases { get; set; }

        [Required(ErrorMessage = "Schrijf in één of twee zinnen wat het begrip betekent.")]
        [StringLength(400, ErrorMessage = "De korte uitleg is te lang. Gebruik één of twee zinnen.")]
        public string Definition { get; set; } = "";

        [StringLength(20000, ErrorMessage = "De uitleg is te lang.")]
        public string? Explanation { get; set; }

        public bool Outdated { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        if (id is { } termId)
        {
            if (await FindAsync(termId, ct) is not { } term)
            {
                return NotFound();
            }
            Id = term.Id;
            Input = new InputModel
            {
                Term = term.Term,
                Abbreviation = term.Abbreviation,
                Aliases = term.Aliases,
                Definition = term.Definition,
                Explanation = term.Explanation,
                Outdated = term.Outdated,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        GlossaryTerm? term = null;
        if (id is { } termId && (term = await FindAsync(termId, ct)) is null)
        {
            return NotFound();
        }
        Id = term?.Id;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var slug = term?.Slug ?? Slugs.From(Input.Term);
        if (term is null && await db.GlossaryTerms.AnyAsync(t => t.Slug == slug && t.TenantId == tenant.Id, ct))
        {
            ModelState.AddModelError("Input.Term", "Dit begrip bestaat al.");
            return Page();
        }
        term ??= db.GlossaryTerms.Add(new GlossaryTerm { TenantId = tenant.Id, Slug = slug }).Entity;
        term.Term = Input.Term.Trim();
        term.Abbreviation = string.IsNullOrWhiteSpace(Input.Abbreviation) ? null : Input.Abbreviation.Trim();
        term.Aliases = string.IsNullOrWhiteSpace(Input.Aliases) ? null : Input.Aliases.Trim();
        term.Definition = Input.Definition.Trim();
        term.Explanation = Input.Explanation?.Trim() ?? "";
        term.Outdated = Input.Outdated;
        term.Status = ContentStatus.Published;
        term.LastReviewedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage(new { id = term.Id, saved = true });
    }

    // Only terms of the site being edited: a steunpunt editor never edits a national term.
    private Task<GlossaryTerm?> FindAsync(Guid id, CancellationToken ct) =>
        db.GlossaryTerms.FirstOrDefaultAsync(t => t.Id == id && t.TenantId == tenant.Id, ct);
}
