using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Regional;
using Steunpunt.Information.Workflow;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>Edit one of the steunpunt's own pages (over ons, privacy, toegankelijkheid, the route).</summary>
public sealed class RegionalPageEditModel(SteunpuntDb db, CurrentTenant tenant, ContentRenderer renderer, ContentChanges changes, TimeProvider clock,
    Drafts drafts) : PageModel
{
    /// <summary>The buttons under the form: the open draft of this page and what this editor may do with it.</summary>
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
    /// <summary>What was just saved: concept, review, goedgekeurd or gepubliceerd.</summary>
    public string? Saved { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul een titel in.")]
        [StringLength(200, ErrorMessage = "De titel is te lang. Gebruik hoogstens 200 tekens.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Schrijf de tekst van de pagina.")]
        [StringLength(50000, ErrorMessage = "De tekst is te lang.")]
        public string Body { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string kind, string? saved, Guid? versie, CancellationToken ct)
    {
        if (!Resolve(kind, out _))
        {
            return NotFound();
        }
        var page = await FindAsync(kind, ct);
        await LoadFlowAsync(page, ct);
        Input = Flow.Draft?.Fields<PageFields>() is { } draft
            ? new InputModel { Title = draft.Title, Body = draft.Body } // the editor goes on with the draft; visitors keep the published page
            : new InputModel { Title = page?.Title ?? "", Body = page?.Body ?? "" };
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

    public Task<IActionResult> OnPostPreviewAsync(string kind, CancellationToken ct) => SaveAsync(kind, null, ct);

    public Task<IActionResult> OnPostDraftAsync(string kind, CancellationToken ct) => SaveAsync(kind, Drafts.EditorAction.Save, ct);

    public Task<IActionResult> OnPostSubmitAsync(string kind, CancellationToken ct) => SaveAsync(kind, Drafts.EditorAction.Submit, ct);

    public Task<IActionResult> OnPostApproveAsync(string kind, CancellationToken ct) => SaveAsync(kind, Drafts.EditorAction.Approve, ct);

    public Task<IActionResult> OnPostPublishAsync(string kind, CancellationToken ct) => SaveAsync(kind, Drafts.EditorAction.Publish, ct);

    public Task<IActionResult> OnPostFixAsync(string kind, CancellationToken ct) => SaveAsync(kind, Drafts.EditorAction.Fix, ct);

    /// <summary>"Concept weggooien": the published page stays; the draft is gone from the form.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(string kind, CancellationToken ct)
    {
        if (!Resolve(kind, out _) || await FindAsync(kind, ct) is not { } page || !await drafts.DiscardAsync(DraftSubject.RegionalPage, page.Id, ct))
        {
            return NotFound();
        }
        return RedirectToPage(new { kind });
    }

    private async Task<IActionResult> SaveAsync(string kind, Drafts.EditorAction? step, CancellationToken ct)
    {
        if (!Resolve(kind, out var pageKind))
        {
            return NotFound();
        }
        var page = await FindAsync(kind, ct);
        await LoadFlowAsync(page, ct);
        PageId = page?.Id;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (step is null)
        {
            Preview = renderer.Render(Input.Body);
            return Page();
        }
        // A page that was never online gets its row now, as a concept, so its drafts have something to belong to.
        page ??= db.RegionalPages.Add(new RegionalPage { Kind = pageKind, TenantId = tenant.Id!.Value, Status = ContentStatus.Draft }).Entity;
        var published = page.Status == ContentStatus.Published;
        var (title, body) = (Input.Title.Trim(), Input.Body.Trim());
        var fieldsJson = Drafts.Serialize(new PageFields { Kind = pageKind, Title = title, Body = body });
        var comparison = new Drafts.Comparison(published, published ? $"{page.Title}\n\n{page.Body}" : "", $"{title}\n\n{body}", "", "");
        var (outcome, draft) = await drafts.ActAsync(step.Value, DraftSubject.RegionalPage, page.Id, title, fieldsJson, comparison, User, Revision, FixNote, ct);
        if (outcome != Drafts.Outcome.Ok)
        {
            if (db.Entry(page).State == EntityState.Added)
            {
                db.Entry(page).State = EntityState.Detached;
            }
            ModelState.AddModelError(Drafts.FieldOf(outcome), Drafts.Message(outcome));
            return Page();
        }
        var goesOnline = step is Drafts.EditorAction.Publish or Drafts.EditorAction.Fix;
        if (goesOnline)
        {
            var note = step == Drafts.EditorAction.Fix ? FixNote?.Trim() : null;
            (page.Title, page.Body, page.Status, page.TimeSensitive) = (title, body, ContentStatus.Published, TimeSensitive);
            page.LastReviewedOn = WorkingDays.DutchDate(clock.GetUtcNow());
            await Versions.ContentVersions.KeepAsync(db, page, Versions.ContentVersions.Who(User), clock.GetUtcNow(), ct, note);
            await drafts.PublishedAsync(DraftSubject.RegionalPage, page.Id, fieldsJson, FromOldVersion is not null, User, note, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A colleague saved this draft (or started one) at the same moment: show what is in the database now.
            db.ChangeTracker.Clear();
            await LoadFlowAsync(await FindAsync(kind, ct), ct);
            ModelState.AddModelError("Workflow", Drafts.Message(Drafts.Outcome.Changed));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (goesOnline)
        {
            await changes.PublishedAsync(ct: ct);
        }
        return RedirectToPage(new { kind, saved = Drafts.SavedNote(step.Value, draft) });
    }

    private async Task LoadFlowAsync(RegionalPage? page, CancellationToken ct) =>
        Flow = new WorkflowView(page is null ? null : await drafts.OpenAsync(DraftSubject.RegionalPage, page.Id, ct), await drafts.ReviewRequiredAsync(ct),
            page is { Status: ContentStatus.Published }, Drafts.UserId(User), FixNote);

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
