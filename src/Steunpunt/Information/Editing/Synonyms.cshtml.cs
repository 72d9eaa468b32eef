using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Search;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>
/// Words people type and what they mean, for search. On the national site: the national list of everyday words and
/// old terms, kept by national editors. On a steunpunt's site: its own regional names, beside the national list.
/// </summary>
public sealed class SynonymsModel(SteunpuntDb db, CurrentTenant tenant, ContentChanges changes) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SearchSynonym> Synonyms { get; private set; } = [];
    public IReadOnlyList<SearchSynonym> National { get; private set; } = [];
    public bool IsNational => tenant.IsNational;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul het woord in dat bezoekers typen.")]
        [StringLength(100, ErrorMessage = "Het woord is te lang.")]
        public string Word { get; set; } = "";

        [Required(ErrorMessage = "Vul in wat het woord betekent.")]
        [StringLength(200, ErrorMessage = "Deze tekst is te lang.")]
        public string Means { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Word).ToListAsync(ct);
        Synonyms = all.Where(s => s.TenantId == tenant.Id).ToList();
        National = tenant.IsNational ? [] : all.Where(s => s.TenantId is null).ToList();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.SearchSynonyms.Add(new SearchSynonym { TenantId = tenant.Id, Word = Input.Word.Trim(), Means = Input.Means.Trim() });
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        // Only this site's own rows: a steunpunt's editor cannot remove a national word, nor the other way round.
        await db.SearchSynonyms.Where(s => s.Id == id && s.TenantId == tenant.Id).ExecuteDeleteAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage();
    }
}
