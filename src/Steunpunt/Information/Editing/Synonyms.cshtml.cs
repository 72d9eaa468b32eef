using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Search;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>The steunpunt's own synonyms for search: regional names that mean something in the national set.</summary>
public sealed class SynonymsModel(SteunpuntDb db, CurrentTenant tenant, ContentChanges changes) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SearchSynonym> Synonyms { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul het woord in dat bezoekers typen.")]
        [StringLength(100, ErrorMessage = "Het woord is te lang.")]
        public string Word { get; set; } = "";

        [Required(ErrorMessage = "Vul in wat het woord betekent.")]
        [StringLength(200, ErrorMessage = "Deze tekst is te lang.")]
        public string Means { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return NotFound();
        }
        Synonyms = await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Word).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Synonyms = await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Word).ToListAsync(ct);
            return Page();
        }
        db.SearchSynonyms.Add(new SearchSynonym { Word = Input.Word.Trim(), Means = Input.Means.Trim() });
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        await db.SearchSynonyms.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage();
    }
}
