using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Workflow;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>Create or edit a whole FAQ item: a national one on the national site, the steunpunt's own on its site.</summary>
public sealed class EditModel(SteunpuntDb db, CurrentTenant tenant, InformationCatalog catalog, ContentRenderer renderer,
    ContentChanges changes, Releases.InformationReleases releases, TimeProvider clock, ILogger<EditModel> log, PageGlossary glossary,
    Drafts drafts) : PageModel
{
    /// <summary>The buttons under the form: the open draft of this item and what this editor may do with it.</summary>
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

    /// <summary>On the national site: the parts of the information set not out yet, to put this edit in.</summary>
    public IReadOnlyList<Releases.InformationRelease> OpenReleases { get; private set; } = [];

    [BindProperty]
    public Guid? ReleaseId { get; set; }

    /// <summary>The parts not out yet in which an edit of this item waits (publishing now would be replaced then).</summary>
    public IReadOnlyList<string> WaitingIn { get; private set; } = [];

    /// <summary>The staged change being adapted (from a release's page), so saving replaces it instead of adding one.</summary>
    [BindProperty(Name = "wijziging", SupportsGet = true)]
    public Guid? ChangeId { get; set; }

    [BindProperty]
    public FaqInput Input { get; set; } = new();

    /// <summary>The page changes often: check it again after 3 months instead of 12.</summary>
    [BindProperty]
    public bool TimeSensitive { get; set; }

    /// <summary>"Publiceer op": a date and a time (Dutch time) for the concept to go out by itself.</summary>
    [BindProperty]
    public string? PublishDay { get; set; }

    [BindProperty]
    public string? PublishTime { get; set; }

    /// <summary>When the item is a concept planned to go out.</summary>
    public DateTimeOffset? PlannedAt { get; private set; }

    /// <summary>The version whose text was put back in the form (not saved yet).</summary>
    public int? RestoredVersion { get; private set; }

    public Guid? Id { get; private set; }
    public ContentStatus? Status { get; private set; }
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    /// <summary>The preview: the article exactly as the public page will show it (same parts, same glossary explanations).</summary>
    public Articles.ArticleView? Preview { get; private set; }
    /// <summary>What was just saved: concept, review, goedgekeurd or gepubliceerd.</summary>
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, string? saved, Guid? versie, CancellationToken ct)
    {
        var change = ChangeId;
        Themes = await catalog.ThemesAsync(ct);
        await LoadWorkflowAsync(id, null, ct);
        Saved = saved;
        OpenReleases = tenant.IsNational ? await releases.OpenAsync(ct) : [];
        if (tenant.IsNational && change is not null)
        {
            // Adapting what waits in a release: the form shows the proposed text, and saves back into that release.
            var staged = await db.Set<Releases.ReleaseChange>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == change, ct);
            if (staged is null || OpenReleases.All(r => r.Id != staged.ReleaseId))
            {
                return NotFound();
            }
            (Id, Input, ReleaseId) = (staged.FaqItemId, Releases.InformationReleases.Proposed(staged), staged.ReleaseId);
            return Page();
        }
        if (id is null)
        {
            return Page();
        }
        var item = await FindAsync(id.Value, ct);
        if (item is null)
        {
            return NotFound();
        }
        (Id, Status, Input, TimeSensitive, PlannedAt) = (item.Id, item.Status, FaqInput.From(item), item.TimeSensitive, item.PublishAt);
        if (Flow.Draft is { } openDraft)
        {
            Input = openDraft.Fields<FaqInput>(); // the editor goes on with the draft; visitors keep the published text
        }
        if (versie is { } versionId)
        {
            // Restore: the old text goes back in the form; saving it makes it a concept (or publishes it) like any edit.
            if (await db.Set<Versions.ContentVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId && v.SubjectId == item.Id, ct) is not { } version)
            {
                return NotFound();
            }
            var fields = version.Fields.ToDictionary(f => f.Key, f => (string?)f.Value);
            Input.Question = fields.GetValueOrDefault("Vraag") ?? Input.Question;
            Input.ShortAnswer = fields.GetValueOrDefault("Kort antwoord") ?? Input.ShortAnswer;
            Input.Explanation = fields.GetValueOrDefault("Meer uitleg", Input.Explanation);
            Input.WhatYouCanDo = fields.GetValueOrDefault("Wat kun je doen?", Input.WhatYouCanDo);
            Input.WhoToGoTo = fields.GetValueOrDefault("Bij wie moet je zijn?", Input.WhoToGoTo);
            Input.Sources = fields.GetValueOrDefault("Bronnen", Input.Sources);
            RestoredVersion = version.Number;
        }
        var open = OpenReleases.Select(r => r.Id).ToList();
        var waiting = await db.Set<Releases.ReleaseChange>().AsNoTracking().Where(c => c.FaqItemId == item.Id && open.Contains(c.ReleaseId))
            .Select(c => c.ReleaseId).ToListAsync(ct);
        WaitingIn = [.. OpenReleases.Where(r => waiting.Contains(r.Id)).Select(r => r.Name)];
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, null, ct);

    public Task<IActionResult> OnPostDraftAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, Drafts.EditorAction.Save, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, Drafts.EditorAction.Submit, ct);

    public Task<IActionResult> OnPostApproveAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, Drafts.EditorAction.Approve, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, Drafts.EditorAction.Publish, ct);

    public Task<IActionResult> OnPostFixAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, Drafts.EditorAction.Fix, ct);

    /// <summary>Saves a concept that publishes itself at the chosen moment.</summary>
    public Task<IActionResult> OnPostScheduleAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, Drafts.EditorAction.Save, ct, schedule: true);

    /// <summary>"Concept weggooien": the published text stays; the draft is gone from the form.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(Guid? id, CancellationToken ct)
    {
        if (id is null || await FindAsync(id.Value, ct) is null || !await drafts.DiscardAsync(DraftSubject.Item, id.Value, ct))
        {
            return NotFound();
        }
        return RedirectToPage(new { id });
    }

    /// <summary>National editors: keep the edit in a release instead of publishing it now; it goes out with the release.</summary>
    public async Task<IActionResult> OnPostStageAsync(Guid? id, CancellationToken ct)
    {
        if (!tenant.IsNational)
        {
            return NotFound();
        }
        Themes = await catalog.ThemesAsync(ct);
        OpenReleases = await releases.OpenAsync(ct);
        await LoadWorkflowAsync(id, FixNote, ct);
        if (id is not null)
        {
            var item = await FindAsync(id.Value, ct);
            if (item is null)
            {
                return NotFound();
            }
            (Id, Status) = (item.Id, item.Status);
        }
        Input.Validate(ModelState, nameof(Input), national: true, await catalog.GlossaryAsync(ct));
        if (ReleaseId is not { } releaseId || OpenReleases.All(r => r.Id != releaseId))
        {
            ModelState.AddModelError(nameof(ReleaseId), "Kies het deel waar deze wijziging in komt.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Input.Slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slugs.From(Input.Question) : Input.Slug;
        if (await releases.SlugTakenByAsync(Input.Slug, id, ChangeId, ct) is { } other)
        {
            ModelState.AddModelError("Input.Slug", $"Het item ‘{other}’ heeft dit webadres al (of krijgt het met een deel). Kies een ander webadres.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Flow.ReviewRequired)
        {
            // Where the national set requires review, only the approved text goes into a part.
            var staged = new FaqItem { TenantId = null, Layer = ContentLayer.Item };
            Input.CopyTo(staged);
            if (Drafts.MayPublish(true, Flow.Draft, Drafts.Serialize(FaqInput.From(staged)), new Drafts.Comparison(false, "", "", "", ""), null) != Drafts.Outcome.Ok)
            {
                ModelState.AddModelError(nameof(ReleaseId), Drafts.Message(Drafts.Outcome.NotApproved));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }
        var who = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";
        if (await releases.StageAsync(ReleaseId!.Value, id, ChangeId, Input, who, ct) is null)
        {
            return NotFound();
        }
        return RedirectToPage("/Information/Releases/Release", new { id = ReleaseId });
    }

    private async Task<IActionResult> SaveOrPreviewAsync(Guid? id, Drafts.EditorAction? step, CancellationToken ct, bool schedule = false)
    {
        Themes = await catalog.ThemesAsync(ct);
        await LoadWorkflowAsync(id, FixNote, ct);
        OpenReleases = tenant.IsNational ? await releases.OpenAsync(ct) : [];
        FaqItem? item = null;
        if (id is not null)
        {
            item = await FindAsync(id.Value, ct);
            if (item is null)
            {
                return NotFound();
            }
            (Id, Status) = (item.Id, item.Status);
        }
        Input.Validate(ModelState, nameof(Input), tenant.IsNational, await catalog.GlossaryAsync(ct));
        DateTimeOffset? publishAt = null;
        if (schedule && item is { Status: ContentStatus.Published })
        {
            // Planning makes the item a concept until the moment: a published page would go offline meanwhile.
            ModelState.AddModelError(nameof(PublishDay), "Dit item staat al online. Een nieuwe tekst plannen kan nog niet: publiceer de wijziging nu, of sla hem op als concept.");
        }
        else if (schedule)
        {
            if (!DateOnly.TryParseExact(PublishDay, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                || !TimeOnly.TryParseExact(PublishTime, ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
                || day.Year is < 2000 or > 2200)
            {
                ModelState.AddModelError(nameof(PublishDay), "Kies een datum en vul een tijd in, bijvoorbeeld 09:00.");
            }
            else
            {
                var local = day.ToDateTime(time);
                publishAt = new DateTimeOffset(local, Dutch.TimeZone.GetUtcOffset(local)).ToUniversalTime();
                if (publishAt <= clock.GetUtcNow())
                {
                    ModelState.AddModelError(nameof(PublishDay), "Dit moment is al voorbij. Kies een moment in de toekomst, of kies ‘Publiceren’.");
                }
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slugs.From(Input.Question) : Input.Slug;
        if (await SlugTakenAsync(slug, item?.Id, ct))
        {
            ModelState.AddModelError("Input.Slug", "Er is al een item met dit webadres. Kies een ander webadres.");
            return Page();
        }
        if (step is null)
        {
            var previewed = new FaqItem { TenantId = tenant.Id, Layer = ContentLayer.Item, LastReviewedOn = WorkingDays.DutchDate(clock.GetUtcNow()) };
            Input.CopyTo(previewed);
            Preview = await Articles.ArticleView.BuildAsync(new Article(previewed, null, null), !tenant.IsNational, renderer, glossary, Url, preview: true, ct);
            return Page();
        }

        item ??= db.FaqItems.Add(new FaqItem { TenantId = tenant.Id, Layer = ContentLayer.Item }).Entity;
        Input.Slug = slug;
        var published = item.Status == ContentStatus.Published;
        var proposed = new FaqItem { TenantId = tenant.Id, Layer = ContentLayer.Item };
        Input.CopyTo(proposed);
        var fields = Drafts.Serialize(FaqInput.From(proposed));
        var comparison = new Drafts.Comparison(published, Versions.ContentVersions.TextOf(item), Versions.ContentVersions.TextOf(proposed), Shape(item), Shape(proposed));
        var (outcome, draft) = await drafts.ActAsync(schedule ? Drafts.EditorAction.Publish : step.Value, DraftSubject.Item, item.Id, proposed.Question, fields,
            comparison, User, Revision, FixNote, ct);
        if (outcome != Drafts.Outcome.Ok)
        {
            if (db.Entry(item).State == EntityState.Added)
            {
                db.Entry(item).State = EntityState.Detached;
            }
            ModelState.AddModelError(schedule && outcome == Drafts.Outcome.NotApproved ? nameof(PublishDay) : Drafts.FieldOf(outcome), Drafts.Message(outcome));
            return Page();
        }
        var goesOnline = step is Drafts.EditorAction.Publish or Drafts.EditorAction.Fix;
        if (schedule || goesOnline || !published)
        {
            // The page itself changes only when it goes online; a concept that was never online keeps its text in the
            // row too (it is not public), so planned publishing and the lists of concepts read it there.
            Input.CopyTo(item);
            item.Status = goesOnline ? ContentStatus.Published : ContentStatus.Draft;
            item.PublishAt = publishAt;
            item.TimeSensitive = TimeSensitive;
            item.LastReviewedOn = WorkingDays.DutchDate(clock.GetUtcNow());
        }
        if (schedule)
        {
            (_, draft) = await drafts.ActAsync(Drafts.EditorAction.Save, DraftSubject.Item, item.Id, proposed.Question, fields, comparison, User, Revision, null, ct);
        }
        if (goesOnline)
        {
            var note = step == Drafts.EditorAction.Fix ? FixNote?.Trim() : null;
            await Versions.ContentVersions.KeepAsync(db, item, Versions.ContentVersions.Who(User), clock.GetUtcNow(), ct, note);
            await drafts.PublishedAsync(DraftSubject.Item, item.Id, fields, FromOldVersion is not null, User, note, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A colleague saved this draft (or started one) at the same moment: show what is in the database now.
            db.ChangeTracker.Clear();
            await LoadWorkflowAsync(id, FixNote, ct);
            ModelState.AddModelError("Workflow", Drafts.Message(Drafts.Outcome.Changed));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        await changes.PublishedAsync(item.Id, ct);
        InformationLog.ItemSaved(log, item.Id, item.Status, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        return RedirectToPage(new { id = item.Id, saved = Drafts.SavedNote(schedule ? Drafts.EditorAction.Save : step.Value, draft) });
    }

    /// <summary>Where and for whom the page shows: a small fix may not change it.</summary>
    private static string Shape(FaqItem item) => string.Join('|', item.ThemeCode, item.Audience, item.Phases, item.Slug, item.TermChoices);


    private async Task LoadWorkflowAsync(Guid? id, string? fixNote, CancellationToken ct)
    {
        var draft = id is { } itemId ? await drafts.OpenAsync(DraftSubject.Item, itemId, ct) : null;
        var published = id is { } existing && await db.FaqItems.AnyAsync(f => f.Id == existing && f.TenantId == tenant.Id && f.Status == ContentStatus.Published, ct);
        Flow = new WorkflowView(draft, await drafts.ReviewRequiredAsync(ct), published, Drafts.UserId(User), fixNote);
    }

    // Editors only reach whole items of their own site: a steunpunt's own items, or national items on the national site.
    private Task<FaqItem?> FindAsync(Guid id, CancellationToken ct) =>
        db.FaqItems.FirstOrDefaultAsync(f => f.Id == id && f.Layer == ContentLayer.Item && f.TenantId == tenant.Id, ct);

    private Task<bool> SlugTakenAsync(string slug, Guid? except, CancellationToken ct) =>
        db.FaqItems.AnyAsync(f => f.Slug == slug && f.Layer == ContentLayer.Item && f.Id != except, ct);
}
