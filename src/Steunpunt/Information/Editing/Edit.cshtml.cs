using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>Create or edit a whole FAQ item: a national one on the national site, the steunpunt's own on its site.</summary>
public sealed class EditModel(SteunpuntDb db, CurrentTenant tenant, InformationCatalog catalog, ContentRenderer renderer,
    ContentChanges changes, Releases.InformationReleases releases, TimeProvider clock, ILogger<EditModel> log) : PageModel
{
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

    public Guid? Id { get; private set; }
    public ContentStatus? Status { get; private set; }
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IHtmlContent? Preview { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, bool saved, CancellationToken ct)
    {
        var change = ChangeId;
        Themes = await catalog.ThemesAsync(ct);
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
        (Id, Status, Input) = (item.Id, item.Status, FaqInput.From(item));
        var open = OpenReleases.Select(r => r.Id).ToList();
        var waiting = await db.Set<Releases.ReleaseChange>().AsNoTracking().Where(c => c.FaqItemId == item.Id && open.Contains(c.ReleaseId))
            .Select(c => c.ReleaseId).ToListAsync(ct);
        WaitingIn = [.. OpenReleases.Where(r => waiting.Contains(r.Id)).Select(r => r.Name)];
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, null, ct);

    public Task<IActionResult> OnPostDraftAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, ContentStatus.Draft, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid? id, CancellationToken ct) => SaveOrPreviewAsync(id, ContentStatus.Published, ct);

    /// <summary>National editors: keep the edit in a release instead of publishing it now; it goes out with the release.</summary>
    public async Task<IActionResult> OnPostStageAsync(Guid? id, CancellationToken ct)
    {
        if (!tenant.IsNational)
        {
            return NotFound();
        }
        Themes = await catalog.ThemesAsync(ct);
        OpenReleases = await releases.OpenAsync(ct);
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
        var who = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";
        if (await releases.StageAsync(ReleaseId!.Value, id, ChangeId, Input, who, ct) is null)
        {
            return NotFound();
        }
        return RedirectToPage("/Information/Releases/Release", new { id = ReleaseId });
    }

    private async Task<IActionResult> SaveOrPreviewAsync(Guid? id, ContentStatus? status, CancellationToken ct)
    {
        Themes = await catalog.ThemesAsync(ct);
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
        if (status is null)
        {
            Preview = RenderPreview();
            return Page();
        }

        item ??= db.FaqItems.Add(new FaqItem { TenantId = tenant.Id, Layer = ContentLayer.Item }).Entity;
        Input.Slug = slug;
        Input.CopyTo(item);
        item.Status = status.Value;
        item.LastReviewedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(item.Id, ct);
        InformationLog.ItemSaved(log, item.Id, item.Status, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        return RedirectToPage(new { id = item.Id, saved = true });
    }

    private HtmlContentBuilder RenderPreview()
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml("<h2>").Append(Input.Question).AppendHtml("</h2>");
        html.AppendHtml(renderer.RenderPlain(Input.ShortAnswer));
        html.AppendHtml("<h3>Meer uitleg</h3>").AppendHtml(renderer.Render(Input.Explanation));
        var youth = Input.Audience == Audience.Jongeren;
        html.AppendHtml(youth ? "<h3>Wat kun je doen?</h3>" : "<h3>Wat kunt u doen?</h3>").AppendHtml(renderer.Render(Input.WhatYouCanDo));
        html.AppendHtml(youth ? "<h3>Bij wie moet je zijn?</h3>" : "<h3>Bij wie moet u zijn?</h3>").AppendHtml(renderer.Render(Input.WhoToGoTo));
        return html;
    }

    // Editors only reach whole items of their own site: a steunpunt's own items, or national items on the national site.
    private Task<FaqItem?> FindAsync(Guid id, CancellationToken ct) =>
        db.FaqItems.FirstOrDefaultAsync(f => f.Id == id && f.Layer == ContentLayer.Item && f.TenantId == tenant.Id, ct);

    private Task<bool> SlugTakenAsync(string slug, Guid? except, CancellationToken ct) =>
        db.FaqItems.AnyAsync(f => f.Slug == slug && f.Layer == ContentLayer.Item && f.Id != except, ct);
}
