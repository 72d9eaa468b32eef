using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>A steunpunt's layer on one national item: nothing, a regional supplement, an own version, or hidden.</summary>
public sealed class LayerModel(SteunpuntDb db, CurrentTenant tenant, InformationCatalog catalog, ContentRenderer renderer,
    ContentChanges changes, Releases.InformationReleases releases, TimeProvider clock, PageGlossary glossary) : PageModel
{
    public enum Choice
    {
        None,
        Supplement,
        Override,
        Hidden,
    }

    [BindProperty]
    public Choice Kind { get; set; }

    [BindProperty]
    [StringLength(20000, ErrorMessage = "De aanvulling is te lang.")]
    public string? Supplement { get; set; }

    [BindProperty]
    public FaqInput Replacement { get; set; } = new();

    public FaqItem NationalItem { get; private set; } = null!;
    /// <summary>The steunpunt's layer row, when it has one: its published versions are listed under this id.</summary>
    public Guid? LayerId { get; private set; }
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IHtmlContent? Preview { get; private set; }
    /// <summary>The preview as the public page will show it: the national item with this layer applied.</summary>
    public Articles.ArticleView? PreviewArticle { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } layer)
        {
            return NotFound();
        }
        Saved = saved;
        Replacement = FaqInput.From(NationalItem);
        if (layer.Id != Guid.Empty)
        {
            Kind = layer.Layer switch
            {
                ContentLayer.Supplement => Choice.Supplement,
                ContentLayer.Override => Choice.Override,
                ContentLayer.Hidden => Choice.Hidden,
                _ => Choice.None,
            };
            Supplement = layer.Supplement;
            if (layer.Layer == ContentLayer.Override)
            {
                Replacement = FaqInput.From(layer);
            }
        }
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct) => SaveAsync(id, preview: true, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => SaveAsync(id, preview: false, ct);

    private async Task<IActionResult> SaveAsync(Guid id, bool preview, CancellationToken ct)
    {
        var layer = await LoadAsync(id, ct);
        if (layer is null)
        {
            return NotFound();
        }
        // Only the fields of the chosen kind count; an own version keeps the national item's theme and address.
        // (With no Replacement fields posted, MVC binds them without prefix, so keys are matched on both forms.)
        var notUsed = ModelState.Keys.Where(k => Kind != Choice.Override
            ? k != nameof(Supplement) && k != nameof(Kind)
            : k.EndsWith(nameof(FaqInput.ThemeCode), StringComparison.Ordinal) || k.EndsWith(nameof(FaqInput.Slug), StringComparison.Ordinal)).ToList();
        foreach (var key in notUsed)
        {
            ModelState.Remove(key);
        }
        if (Kind == Choice.Supplement && string.IsNullOrWhiteSpace(Supplement))
        {
            ModelState.AddModelError(nameof(Supplement), "Schrijf wat er in uw regio anders of extra is.");
        }
        if (Kind == Choice.Override)
        {
            Replacement.Validate(ModelState, nameof(Replacement), national: false, await catalog.GlossaryAsync(ct));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (preview)
        {
            if (Kind == Choice.Hidden)
            {
                Preview = new HtmlString("<p>Dit item wordt niet getoond in uw regio.</p>");
                return Page();
            }
            var today = WorkingDays.DutchDate(clock.GetUtcNow());
            FaqItem? replacement = null;
            if (Kind == Choice.Override)
            {
                replacement = new FaqItem { TenantId = tenant.Id, Layer = ContentLayer.Override, LastReviewedOn = today };
                (Replacement.Slug, Replacement.ThemeCode, Replacement.Audience) = (NationalItem.Slug, NationalItem.ThemeCode, NationalItem.Audience);
                Replacement.CopyTo(replacement);
                replacement.Phases = NationalItem.Phases;
            }
            var supplement = Kind == Choice.Supplement
                ? new FaqItem { TenantId = tenant.Id, Layer = ContentLayer.Supplement, Supplement = Supplement?.Trim() ?? "", LastReviewedOn = today }
                : null;
            PreviewArticle = await Articles.ArticleView.BuildAsync(new Article(NationalItem, replacement, supplement), true, renderer, glossary, Url, preview: true, ct);
            return Page();
        }

        if (Kind == Choice.None)
        {
            if (layer.Id != Guid.Empty)
            {
                db.FaqItems.Remove(layer);
            }
        }
        else
        {
            if (layer.Id == Guid.Empty)
            {
                layer.Id = Guid.CreateVersion7();
                db.FaqItems.Add(layer);
            }
            layer.Layer = Kind switch
            {
                Choice.Supplement => ContentLayer.Supplement,
                Choice.Override => ContentLayer.Override,
                _ => ContentLayer.Hidden,
            };
            layer.Supplement = Kind == Choice.Supplement ? Supplement!.Trim() : "";
            if (Kind == Choice.Override)
            {
                Replacement.Slug = NationalItem.Slug;
                Replacement.ThemeCode = NationalItem.ThemeCode;
                Replacement.Audience = NationalItem.Audience;
                Replacement.CopyTo(layer);
                layer.Phases = NationalItem.Phases;
            }
            layer.Status = ContentStatus.Published;
            layer.LastReviewedOn = WorkingDays.DutchDate(clock.GetUtcNow());
            layer.NeedsReview = false;
            await Versions.ContentVersions.KeepAsync(db, layer, Versions.ContentVersions.Who(User), clock.GetUtcNow(), ct);
        }
        // Saving here after a release changed the national item is the steunpunt's decision on it.
        await releases.SettleAsync(id, Kind == Choice.None ? Releases.AlertDecision.Vervallen : Releases.AlertDecision.Aangepast,
            User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "", ct);
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage(new { id, saved = true });
    }

    /// <summary>The steunpunt's current layer row, or a new unsaved one (Id empty). Null when there is no such national item.</summary>
    private async Task<FaqItem?> LoadAsync(Guid id, CancellationToken ct)
    {
        Themes = await catalog.ThemesAsync(ct);
        if (tenant.Id is not { } tenantId)
        {
            return null;
        }
        var national = await db.FaqItems.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.TenantId == null && f.Layer == ContentLayer.Item, ct);
        if (national is null)
        {
            return null;
        }
        NationalItem = national;
        var layer = await db.FaqItems.FirstOrDefaultAsync(f => f.NationalItemId == id && f.TenantId == tenantId, ct);
        LayerId = layer?.Id;
        return layer ?? new FaqItem
        {
            Id = Guid.Empty,
            TenantId = tenantId,
            NationalItemId = id,
            Slug = national.Slug,
            ThemeCode = national.ThemeCode,
            Audience = national.Audience,
            Phases = national.Phases,
        };
    }
}
