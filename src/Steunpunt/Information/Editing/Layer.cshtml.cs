using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Workflow;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>A steunpunt's layer on one national item: nothing, a regional supplement, an own version, or hidden.</summary>
public sealed class LayerModel(SteunpuntDb db, CurrentTenant tenant, InformationCatalog catalog, ContentRenderer renderer,
    ContentChanges changes, Releases.InformationReleases releases, TimeProvider clock, PageGlossary glossary, Drafts drafts) : PageModel
{
    /// <summary>The buttons under the form: the open draft of this layer and what this editor may do with it.</summary>
    public WorkflowView Flow { get; private set; } = null!;

    /// <summary>The revision of the draft the editor read (for "Goedkeuren").</summary>
    [BindProperty(Name = "revisie")]
    public int? Revision { get; set; }

    /// <summary>The form holds an old version put back (not the open draft): publishing it leaves a colleague's draft open.</summary>
    [BindProperty(Name = "oude-versie")]
    public int? FromOldVersion { get; set; }

    /// <summary>"Kleine correctie": what was corrected.</summary>
    [BindProperty]
    public string? FixNote { get; set; }

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
    /// <summary>What was just saved: concept, review, goedgekeurd or gepubliceerd.</summary>
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? saved, CancellationToken ct)
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
        if (Flow.Draft is { } openDraft)
        {
            // The editor goes on with the draft; visitors keep the published layer.
            var fields = openDraft.Fields<LayerFields>();
            (Kind, Supplement) = (fields.Kind, fields.Supplement);
            Replacement = fields.Kind == Choice.Override ? fields.Replacement : Replacement;
        }
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct) => SaveAsync(id, null, ct);

    public Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken ct) => SaveAsync(id, Drafts.EditorAction.Save, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => SaveAsync(id, Drafts.EditorAction.Submit, ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => SaveAsync(id, Drafts.EditorAction.Approve, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => SaveAsync(id, Drafts.EditorAction.Publish, ct);

    public Task<IActionResult> OnPostFixAsync(Guid id, CancellationToken ct) => SaveAsync(id, Drafts.EditorAction.Fix, ct);

    /// <summary>"Concept weggooien": the published layer stays; the draft is gone from the form.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null || !await drafts.DiscardAsync(DraftSubject.Layer, id, ct))
        {
            return NotFound();
        }
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SaveAsync(Guid id, Drafts.EditorAction? step, CancellationToken ct)
    {
        var preview = step is null;
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

        var proposed = Proposed(layer);
        var fieldsJson = Drafts.Serialize(new LayerFields
        {
            Kind = Kind,
            Supplement = Kind == Choice.Supplement ? Supplement?.Trim() : null,
            Replacement = Kind == Choice.Override ? OwnText(proposed!) : new FaqInput(),
        });
        var online = layer.Id != Guid.Empty;
        var comparison = new Drafts.Comparison(online, online ? Versions.ContentVersions.TextOf(layer) : "", proposed is null ? "" : Versions.ContentVersions.TextOf(proposed),
            online ? layer.Layer.ToString() : "", proposed?.Layer.ToString() ?? "");
        var (outcome, draft) = await drafts.ActAsync(step!.Value, DraftSubject.Layer, id, NationalItem.Question, fieldsJson, comparison, User, Revision, FixNote, ct);
        if (outcome != Drafts.Outcome.Ok)
        {
            ModelState.AddModelError(Drafts.FieldOf(outcome), Drafts.Message(outcome));
            return Page();
        }
        var goesOnline = step is Drafts.EditorAction.Publish or Drafts.EditorAction.Fix;
        if (goesOnline)
        {
            var note = step == Drafts.EditorAction.Fix ? FixNote?.Trim() : null;
            await ApplyAsync(layer, id, note, ct);
            await drafts.PublishedAsync(DraftSubject.Layer, id, fieldsJson, FromOldVersion is not null, User, note, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A colleague saved this draft (or started one) at the same moment: show what is in the database now.
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError("Workflow", Drafts.Message(Drafts.Outcome.Changed));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (goesOnline)
        {
            await changes.PublishedAsync(ct: ct);
        }
        return RedirectToPage(new { id, saved = Drafts.SavedNote(step.Value, draft) });
    }

    /// <summary>An own version's text as the draft keeps it: without what comes from the national item (theme,
    /// address, audience, school types), so a release that changes those does not make an approved draft differ.</summary>
    private static FaqInput OwnText(FaqItem proposed)
    {
        var input = FaqInput.From(proposed);
        (input.Slug, input.ThemeCode, input.Audience, input.Phases) = (null, "", default, []);
        return input;
    }

    /// <summary>The layer as the form describes it (null for "alleen de landelijke tekst").</summary>
    private FaqItem? Proposed(FaqItem layer)
    {
        if (Kind == Choice.None)
        {
            return null;
        }
        var proposed = new FaqItem
        {
            TenantId = layer.TenantId,
            NationalItemId = layer.NationalItemId,
            Layer = Kind switch
            {
                Choice.Supplement => ContentLayer.Supplement,
                Choice.Override => ContentLayer.Override,
                _ => ContentLayer.Hidden,
            },
            Supplement = Kind == Choice.Supplement ? Supplement?.Trim() ?? "" : "",
        };
        if (Kind == Choice.Override)
        {
            (Replacement.Slug, Replacement.ThemeCode, Replacement.Audience) = (NationalItem.Slug, NationalItem.ThemeCode, NationalItem.Audience);
            Replacement.CopyTo(proposed);
            proposed.Phases = NationalItem.Phases;
        }
        return proposed;
    }


    /// <summary>Puts the form's choice online: the layer row changes (or goes), with a version.</summary>
    private async Task ApplyAsync(FaqItem layer, Guid id, string? note, CancellationToken ct)
    {
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
            await Versions.ContentVersions.KeepAsync(db, layer, Versions.ContentVersions.Who(User), clock.GetUtcNow(), ct, note);
        }
        // Publishing here after a release changed the national item is the steunpunt's decision on it.
        await releases.SettleAsync(id, Kind == Choice.None ? Releases.AlertDecision.Vervallen : Releases.AlertDecision.Aangepast,
            User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "", ct);
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
        Flow = new WorkflowView(await drafts.OpenAsync(DraftSubject.Layer, id, ct), await drafts.ReviewRequiredAsync(ct), layer is not null, Drafts.UserId(User), FixNote);
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
