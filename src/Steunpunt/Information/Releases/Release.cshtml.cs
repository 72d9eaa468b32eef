using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Information.Releases;

/// <summary>One part of the information set: its new and changed items as they will read, with the words that change
/// marked; publish it now, plan it, or take an item out.</summary>
public sealed class ReleaseModel(SteunpuntDb db, InformationReleases releases, ContentRenderer renderer, TimeProvider clock) : PageModel
{
    public sealed record Item(ReleaseChange Change, FaqItem Preview, IHtmlContent Diff, IHtmlContent Body);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The moment to publish, as the browser's date-and-time field sends it (Dutch time).</summary>
    [BindProperty]
    public string? PublishAt { get; set; }

    [BindProperty]
    public Guid Change { get; set; }

    public InformationRelease Release { get; private set; } = null!;
    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Release.Changes.Count == 0)
        {
            return await Refuse("Er staat nog niets in dit deel. Zet eerst items in het deel.", ct);
        }
        if (await releases.ProblemAsync(Id, ct) is { } problem)
        {
            return await Refuse(problem, ct);
        }
        await releases.PublishAsync(Id, Who, ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Release.Status == ReleaseStatus.Gepubliceerd)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (!DateTime.TryParseExact(PublishAt?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "d-M-yyyy H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return await Refuse("Kies een datum en tijd, bijvoorbeeld 1-3-2027 9:00.", ct, nameof(PublishAt));
        }
        var now = clock.GetUtcNow();
        var nowLocal = TimeZoneInfo.ConvertTime(now, Dutch.TimeZone).DateTime;
        if (local <= nowLocal)
        {
            return await Refuse("Dat moment is al voorbij. Kies een moment in de toekomst, of publiceer meteen.", ct, nameof(PublishAt));
        }
        if (local > nowLocal.AddYears(2))
        {
            return await Refuse("Kies een moment in de komende 2 jaar.", ct, nameof(PublishAt));
        }
        if (Dutch.TimeZone.IsInvalidTime(local))
        {
            return await Refuse("Dat tijdstip bestaat die nacht niet: de klok gaat dan een uur vooruit. Kies een ander tijdstip.", ct, nameof(PublishAt));
        }
        var at = new DateTimeOffset(local, Dutch.TimeZone.GetUtcOffset(local)).ToUniversalTime();
        if (Release.Changes.Count == 0)
        {
            return await Refuse("Er staat nog niets in dit deel. Zet eerst items in het deel.", ct, nameof(PublishAt));
        }
        var release = await db.Set<InformationRelease>().SingleAsync(r => r.Id == Id, ct);
        (release.Status, release.PublishAt) = (ReleaseStatus.Gepland, at);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostUnplanAsync(CancellationToken ct)
    {
        var release = await db.Set<InformationRelease>().SingleOrDefaultAsync(r => r.Id == Id && r.Status == ReleaseStatus.Gepland, ct);
        if (release is null)
        {
            return NotFound();
        }
        (release.Status, release.PublishAt) = (ReleaseStatus.Concept, null);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var change = await db.Set<ReleaseChange>().SingleOrDefaultAsync(c => c.Id == Change && c.ReleaseId == Id, ct);
        var release = await db.Set<InformationRelease>().SingleOrDefaultAsync(r => r.Id == Id, ct);
        if (change is null || release is null || release.Status == ReleaseStatus.Gepubliceerd)
        {
            return NotFound();
        }
        db.Set<ReleaseChange>().Remove(change);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = Id });
    }

    private string Who => User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";

    private async Task<IActionResult> Refuse(string message, CancellationToken ct, string key = "")
    {
        ModelState.AddModelError(key, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var release = await db.Set<InformationRelease>().AsNoTracking().Include(r => r.Changes).SingleOrDefaultAsync(r => r.Id == Id, ct);
        if (release is null)
        {
            return false;
        }
        Release = release;
        var ids = release.Changes.Where(c => c.FaqItemId != null).Select(c => c.FaqItemId!.Value).ToList();
        var current = await db.FaqItems.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        Items = [.. release.Changes.OrderBy(c => c.Question, StringComparer.Ordinal).Select(c =>
        {
            var now = c.FaqItemId is { } id ? current.GetValueOrDefault(id) : null;
            var preview = InformationReleases.Preview(c, now);
            // Once published, the diff is the one the steunpunten saw; before, it is against the text online now.
            var before = release.Status == ReleaseStatus.Gepubliceerd ? c.TextBefore
                : now is { Status: ContentStatus.Published } ? InformationReleases.FullText(now) : "";
            var after = release.Status == ReleaseStatus.Gepubliceerd ? c.TextAfter : InformationReleases.FullText(preview);
            var body = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
            body.AppendHtml(renderer.Render(preview.Explanation));
            var youth = preview.Audience == Audience.Jongeren;
            body.AppendHtml(youth ? "<h4>Wat kun je doen?</h4>" : "<h4>Wat kunt u doen?</h4>").AppendHtml(renderer.Render(preview.WhatYouCanDo));
            body.AppendHtml(youth ? "<h4>Bij wie moet je zijn?</h4>" : "<h4>Bij wie moet u zijn?</h4>").AppendHtml(renderer.Render(preview.WhoToGoTo));
            return new Item(c, preview, WordDiff.Html(before, after), body);
        })];
        return true;
    }
}
