using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Regional;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>Edit one of the steunpunt's own pages (over ons, privacy, toegankelijkheid, the route).</summary>
public sealed class RegionalPageEditModel(SteunpuntDb db, CurrentTenant tenant, ContentRenderer renderer, ContentChanges changes, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Route { get; private set; } = "";
    public Guid? PageId { get; private set; }
    /// <summary>The version whose text was put back in the form (not saved yet).</summary>
    public int? RestoredVersion { get; private set; }

    /// <summary>The page changes often: check it again after 3 months instead of 12.</summary>
    [BindProperty]
    public bool TimeSensitive { get; set; }
    public IHtmlContent? Preview { get; private set; }
    public bool Saved { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul een titel in.")]
        [StringLength(200, ErrorMessage = "De titel is te lang. Gebruik hoogstens 200 tekens.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Schrijf de tekst van de pagina.")]
        [StringLength(50000, ErrorMessage = "De tekst is te lang.")]
        public string Body { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string kind, bool saved, Guid? versie, CancellationToken ct)
    {
        if (!Resolve(kind, out _))
        {
            return NotFound();
        }
        var page = await FindAsync(kind, ct);
        Input = new InputModel { Title = page?.Title ?? "", Body = page?.Body ?? "" };
        (PageId, TimeSensitive) = (page?.Id, page?.TimeSensitive ?? false);
        if (versie is { } versionId)
        {
            if (page is null || await db.Set<Versions.ContentVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId && v.SubjectId == page.Id, ct) is not { } version)
            {
                return NotFound();
            }
            var fields = version.Fields.ToDictionary(f => f.Key, f => f.Value);
            (Input.Title, Input.Body, RestoredVersion) = (fields.GetValueOrDefault("Titel", Input.Title), fields.GetValueOrDefault("Tekst", Input.Body), version.Number);
        }
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, string? knop, CancellationToken ct)
    {
        if (!Resolve(kind, out var pageKind))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (knop == "voorbeeld")
        {
            Preview = renderer.Render(Input.Body);
            return Page();
        }
        var page = await FindAsync(kind, ct) ?? db.RegionalPages.Add(new RegionalPage { Kind = pageKind }).Entity;
        page.Title = Input.Title.Trim();
        page.Body = Input.Body.Trim();
        page.Status = ContentStatus.Published;
        page.TimeSensitive = TimeSensitive;
        page.LastReviewedOn = WorkingDays.DutchDate(clock.GetUtcNow());
        if (page.TenantId == Guid.Empty)
        {
            page.TenantId = tenant.Id!.Value;
        }
        await Versions.ContentVersions.KeepAsync(db, page, Versions.ContentVersions.Who(User), clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage(new { kind, saved = true });
    }

    private bool Resolve(string kind, out RegionalPageKind pageKind)
    {
        Route = kind;
        pageKind = default;
        return !tenant.IsNational && RegionalTextModel.Routes.TryGetValue(kind, out pageKind);
    }

    private Task<RegionalPage?> FindAsync(string kind, CancellationToken ct)
    {
        var pageKind = RegionalTextModel.Routes[kind];
        return db.RegionalPages.FirstOrDefaultAsync(p => p.Kind == pageKind, ct);
    }
}
