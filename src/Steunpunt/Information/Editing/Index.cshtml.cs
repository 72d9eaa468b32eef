using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

public sealed class IndexModel(SteunpuntDb db, CurrentTenant tenant, Releases.InformationReleases releases, Review.ReviewList reviews, TimeProvider clock,
    ContentChanges changes, Workflow.Drafts drafts, InformationCatalog catalog) : PageModel
{
    private IReadOnlyDictionary<string, string> _themeNames = new Dictionary<string, string>();

    /// <summary>A theme as editors read it: by name (the code only for a theme that no longer exists).</summary>
    public string ThemeName(string code) => _themeNames.GetValueOrDefault(code, code);

    /// <summary>Texts on their way: concepts, texts waiting for a colleague's review, approved texts not online yet.</summary>
    public IReadOnlyList<Workflow.ContentDraft> OpenDrafts { get; private set; } = [];
    public Workflow.Drafts.Setting Review { get; private set; } = new(false, "", null);
    /// <summary>A coordinator (or on the national site an administrator) decides whether review is required.</summary>
    public bool MayChooseReview { get; private set; }

    /// <summary>Where an editor continues with a draft.</summary>
    public static (string Page, Dictionary<string, string> Route) EditorOf(Workflow.ContentDraft draft) => draft.Subject switch
    {
        Workflow.DraftSubject.Item => ("/Information/Editing/Edit", new() { ["id"] = draft.SubjectId.ToString() }),
        Workflow.DraftSubject.Layer => ("/Information/Editing/Layer", new() { ["id"] = draft.SubjectId.ToString() }),
        _ => ("/Information/Editing/RegionalPageEdit", new() { ["kind"] = Regional.RegionalTextModel.Routes.First(r => r.Value == draft.Fields<Workflow.PageFields>().Kind).Key }),
    };

    /// <summary>Pages to check again: overdue first, then what comes due within a month.</summary>
    public IReadOnlyList<Review.ReviewEntry> ToReview { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>A release changed a national item under this steunpunt's own layer: what changed, and the decision asked.</summary>
    public sealed record Alert(Guid Id, Guid NationalItemId, string Question, string Release, ContentLayer Layer, Microsoft.AspNetCore.Html.IHtmlContent Diff);

    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public bool IsNational => tenant.IsNational;
    public string SiteName => tenant.Value?.Name ?? "Landelijke informatieset";
    public IReadOnlyList<FaqItem> OwnItems { get; private set; } = [];
    public IReadOnlyList<(FaqItem National, FaqItem? Layer)> NationalItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = WorkingDays.DutchDate(clock.GetUtcNow());
        ToReview = await reviews.DueAsync(Today, ct);
        OpenDrafts = await drafts.OpenListAsync(ct);
        Review = await drafts.SettingAsync(ct);
        MayChooseReview = drafts.MayChooseReview(User);
        _themeNames = (await catalog.ThemesAsync(ct)).ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
        var rows = await db.FaqItems.AsNoTracking().ToListAsync(ct);
        if (tenant.IsNational)
        {
            OwnItems = rows.Where(r => r.TenantId is null && r.Layer == ContentLayer.Item).OrderBy(r => r.ThemeCode, StringComparer.Ordinal).ThenBy(r => r.Question, StringComparer.Ordinal).ToList();
            return;
        }
        OwnItems = rows.Where(r => r.TenantId is not null && r.Layer == ContentLayer.Item).OrderBy(r => r.Question, StringComparer.Ordinal).ToList();
        var alerts = await db.Set<Releases.LayerAlert>().AsNoTracking().Where(a => a.Decision == Releases.AlertDecision.Open).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var changeIds = alerts.Select(a => a.ChangeId).ToList();
        var staged = await db.Set<Releases.ReleaseChange>().AsNoTracking().Where(c => changeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var releaseIds = alerts.Select(a => a.ReleaseId).ToList();
        var names = await db.Set<Releases.InformationRelease>().AsNoTracking().Where(r => releaseIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        Alerts = [.. alerts.Where(a => staged.ContainsKey(a.ChangeId)).Select(a => new Alert(a.Id, a.FaqItemId, staged[a.ChangeId].Question,
            names.GetValueOrDefault(a.ReleaseId) ?? "", a.Layer, Releases.WordDiff.Html(staged[a.ChangeId].TextBefore, staged[a.ChangeId].TextAfter)))];
        var layers = rows.Where(r => r.TenantId is not null && r.NationalItemId is not null).ToDictionary(r => r.NationalItemId!.Value);
        NationalItems = rows.Where(r => r.TenantId is null && r.Layer == ContentLayer.Item && r.Status == ContentStatus.Published)
            .OrderBy(r => r.ThemeCode, StringComparer.Ordinal).ThenBy(r => r.Question, StringComparer.Ordinal)
            .Select(r => (r, layers.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>Keep the layer as it is, or drop it (adapting happens on the layer's page).</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid alert, Releases.AlertDecision decision, CancellationToken ct)
    {
        if (tenant.IsNational || !await releases.DecideAsync(alert, decision, User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "", ct))
        {
            return NotFound();
        }
        return RedirectToPage(null, null, new { besloten = 1 }, "meldingen");
    }

    /// <summary>Whether texts on this site need a colleague's approval before they go online.</summary>
    public async Task<IActionResult> OnPostReviewSettingAsync(bool required, CancellationToken ct)
    {
        if (!drafts.MayChooseReview(User))
        {
            return NotFound();
        }
        await drafts.SetReviewRequiredAsync(required, User, ct);
        return RedirectToPage(null, null, new { werkwijze = 1 }, "concepten");
    }

    /// <summary>"Gecontroleerd": the page was read again and is still right.</summary>
    public async Task<IActionResult> OnPostReviewedAsync(Guid id, CancellationToken ct)
    {
        if (!await reviews.MarkReviewedAsync(id, WorkingDays.DutchDate(clock.GetUtcNow()), ct))
        {
            return NotFound();
        }
        // The "laatst gecontroleerd" date on the public page changes; a national item only re-indexes itself.
        await changes.PublishedAsync(tenant.IsNational ? id : null, ct);
        return RedirectToPage(null, null, new { gecontroleerd = 1 }, "controleren");
    }

    public static string Describe(FaqItem? layer) => layer switch
    {
        null => "Landelijke tekst",
        { Layer: ContentLayer.Supplement } => "Met regionale aanvulling",
        { Layer: ContentLayer.Override } => "Eigen versie",
        { Layer: ContentLayer.Hidden } => "Verborgen",
        _ => "",
    } + (layer is { Status: ContentStatus.Draft } ? " (concept)" : "");
}
