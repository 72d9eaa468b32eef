using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Editing;

namespace Steunpunt.Information.Releases;

/// <summary>
/// The landelijke informatieset in parts: staging new and changed national items in a numbered release, publishing
/// it at once (now or when its time has come), and alerting every steunpunt whose layer sits on a changed item.
/// </summary>
public sealed class InformationReleases(SteunpuntDb db, ContentChanges changes, TimeProvider clock)
{
    /// <summary>The text a word diff compares: the question and the answer parts, as a visitor reads them.</summary>
    public static string FullText(FaqItem item) =>
        string.Join("\n\n", new[] { item.Question, item.ShortAnswer, item.Explanation, item.WhatYouCanDo, item.WhoToGoTo }.Where(t => t.Length > 0));

    public static FaqInput Proposed(ReleaseChange change) => JsonSerializer.Deserialize<FaqInput>(change.ProposedJson) ?? new FaqInput();

    /// <summary>The item as it will read once the release is out (for the preview).</summary>
    public static FaqItem Preview(ReleaseChange change, FaqItem? current)
    {
        var item = new FaqItem { Id = current?.Id ?? Guid.Empty, Layer = ContentLayer.Item };
        Proposed(change).CopyTo(item);
        return item;
    }

    public Task<List<InformationRelease>> OpenAsync(CancellationToken ct = default) =>
        db.Set<InformationRelease>().Where(r => r.Status != ReleaseStatus.Gepubliceerd).OrderBy(r => r.Number).ToListAsync(ct);

    /// <summary>Puts an edited national item (or a new one, <paramref name="itemId"/> null) into a release that is not
    /// out yet; a second edit of the same item (or of the same staged change) in that release replaces the first. Null when the release is out or gone.</summary>
    public async Task<ReleaseChange?> StageAsync(Guid releaseId, Guid? itemId, Guid? changeId, FaqInput input, string who, CancellationToken ct)
    {
        var release = await db.Set<InformationRelease>().Include(r => r.Changes).SingleOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null || release.Status == ReleaseStatus.Gepubliceerd)
        {
            return null;
        }
        var change = release.Changes.FirstOrDefault(c => (changeId != null && c.Id == changeId) || (itemId != null && c.FaqItemId == itemId));
        if (change is null)
        {
            change = new ReleaseChange { ReleaseId = release.Id, FaqItemId = itemId, IsNew = itemId is null };
            db.Set<ReleaseChange>().Add(change);
        }
        (change.Question, change.ProposedJson, change.UpdatedAt, change.UpdatedBy) = (input.Question.Trim(), JsonSerializer.Serialize(input), clock.GetUtcNow(), who);
        await db.SaveChangesAsync(ct);
        return change;
    }

    /// <summary>The web address another national item has, or an item waiting in another part that is not out yet; null
    /// when the address is free for this item (or this staged change).</summary>
    public async Task<string?> SlugTakenByAsync(string slug, Guid? itemId, Guid? changeId, CancellationToken ct)
    {
        var published = await db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(f => f.TenantId == null && f.Layer == ContentLayer.Item && f.Slug == slug && f.Id != itemId).Select(f => f.Question).FirstOrDefaultAsync(ct);
        if (published is not null)
        {
            return published;
        }
        var waiting = await db.Set<ReleaseChange>().Where(c => c.Id != changeId && (itemId == null || c.FaqItemId != itemId)
            && db.Set<InformationRelease>().Any(r => r.Id == c.ReleaseId && r.Status != ReleaseStatus.Gepubliceerd)).ToListAsync(ct);
        return waiting.FirstOrDefault(c => string.Equals(Proposed(c).Slug, slug, StringComparison.OrdinalIgnoreCase))?.Question;
    }

    /// <summary>Why the release cannot go out (a web address two items would share), or null.</summary>
    public async Task<string?> ProblemAsync(Guid releaseId, CancellationToken ct)
    {
        var changes = await db.Set<ReleaseChange>().AsNoTracking().Where(c => c.ReleaseId == releaseId).ToListAsync(ct);
        foreach (var change in changes)
        {
            var slug = Proposed(change).Slug;
            if (string.IsNullOrEmpty(slug))
            {
                continue;
            }
            if (changes.Any(c => c.Id != change.Id && string.Equals(Proposed(c).Slug, slug, StringComparison.OrdinalIgnoreCase))
                || await db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
                    .AnyAsync(f => f.TenantId == null && f.Layer == ContentLayer.Item && f.Slug == slug && f.Id != change.FaqItemId, ct))
            {
                return $"Het webadres ‘{slug}’ van ‘{change.Question}’ is al van een ander item. Pas het aan voordat u publiceert.";
            }
        }
        return null;
    }

    /// <summary>Publishes the release: every item takes its new text at once, and every steunpunt with a layer on a
    /// changed item gets an alert. False when it was already out.</summary>
    public async Task<bool> PublishAsync(Guid releaseId, string who, CancellationToken ct)
    {
        var release = await db.Set<InformationRelease>().Include(r => r.Changes).SingleOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null || release.Status == ReleaseStatus.Gepubliceerd)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var today = WorkingDays.DutchDate(now);
        var ids = release.Changes.Where(c => c.FaqItemId != null).Select(c => c.FaqItemId!.Value).ToList();
        var items = await db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(f => ids.Contains(f.Id) && f.TenantId == null && f.Layer == ContentLayer.Item).ToDictionaryAsync(f => f.Id, ct);
        var layers = (await db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(f => f.NationalItemId != null && ids.Contains(f.NationalItemId.Value) && f.TenantId != null && f.Layer != ContentLayer.Item)
            .ToListAsync(ct)).ToLookup(f => f.NationalItemId!.Value);
        foreach (var change in release.Changes)
        {
            FaqItem item;
            if (change.FaqItemId is { } id && items.TryGetValue(id, out var existing))
            {
                item = existing;
                change.TextBefore = item.Status == ContentStatus.Published ? FullText(item) : "";
            }
            else
            {
                item = db.FaqItems.Add(new FaqItem { TenantId = null, Layer = ContentLayer.Item }).Entity;
                (change.FaqItemId, change.IsNew, change.TextBefore) = (item.Id, true, "");
            }
            Proposed(change).CopyTo(item);
            (item.Status, item.LastReviewedOn) = (ContentStatus.Published, today);
            change.TextAfter = FullText(item);
            if (change.TextBefore != change.TextAfter)
            {
                await Versions.ContentVersions.KeepAsync(db, item, $"{who} ({release.Name})", now, ct);
            }
            if (change.TextBefore == change.TextAfter)
            {
                continue; // nothing a visitor reads changed: no steunpunt needs to decide anything
            }
            foreach (var layer in layers[item.Id])
            {
                layer.NeedsReview = true;
                db.Set<LayerAlert>().Add(new LayerAlert
                {
                    TenantId = layer.TenantId!.Value,
                    ReleaseId = release.Id,
                    ChangeId = change.Id,
                    FaqItemId = item.Id,
                    Layer = layer.Layer,
                    CreatedAt = now,
                });
            }
        }
        // An editor's open draft of a changed item is done: published if the release took its text, else replaced by
        // the release (so nobody publishes the older text over it later).
        var drafts = await db.Set<Workflow.ContentDraft>().IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(d => d.TenantId == null && d.Subject == Workflow.DraftSubject.Item && d.OpenKey != null && ids.Contains(d.SubjectId)).ToListAsync(ct);
        foreach (var draft in drafts.Where(d => items.ContainsKey(d.SubjectId)))
        {
            var taken = draft.FieldsJson == Workflow.Drafts.Serialize(Editing.FaqInput.From(items[draft.SubjectId]));
            draft.Close(taken ? Workflow.DraftState.Gepubliceerd : Workflow.DraftState.Vervallen);
            if (taken)
            {
                (draft.PublishedBy, draft.PublishedAt) = ($"{who} ({release.Name})", now);
            }
        }
        (release.Status, release.PublishedAt, release.PublishedBy) = (ReleaseStatus.Gepubliceerd, now, who);
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(null, ct);
        return true;
    }

    /// <summary>Publishes every planned release whose time has come; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<InformationRelease>().Where(r => r.Status == ReleaseStatus.Gepland && r.PublishAt <= now)
            .OrderBy(r => r.Number).Select(r => r.Id).ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
        {
            if (await ProblemAsync(id, ct) is not null)
            {
                // It cannot go out as it is: back to concept, where the part's page says why.
                var release = await db.Set<InformationRelease>().SingleAsync(r => r.Id == id, ct);
                (release.Status, release.PublishAt) = (ReleaseStatus.Concept, null);
                await db.SaveChangesAsync(ct);
                continue;
            }
            published += await PublishAsync(id, "gepland", ct) ? 1 : 0;
        }
        return published;
    }

    /// <summary>A steunpunt's decision on an alert: keep its layer as it is, or drop it. (Adapting happens on the
    /// layer's own page; saving there settles the alert as <see cref="AlertDecision.Aangepast"/>.)</summary>
    public async Task<bool> DecideAsync(Guid alertId, AlertDecision decision, string who, CancellationToken ct)
    {
        var alert = await db.Set<LayerAlert>().SingleOrDefaultAsync(a => a.Id == alertId && a.Decision == AlertDecision.Open, ct);
        if (alert is null || decision is not (AlertDecision.Behouden or AlertDecision.Vervallen))
        {
            return false;
        }
        var layer = await db.FaqItems.SingleOrDefaultAsync(f => f.TenantId == alert.TenantId && f.NationalItemId == alert.FaqItemId && f.Layer != ContentLayer.Item, ct);
        if (layer is not null)
        {
            if (decision == AlertDecision.Vervallen)
            {
                db.FaqItems.Remove(layer);
            }
            else
            {
                layer.NeedsReview = false;
            }
        }
        await SettleAsync(alert.FaqItemId, decision, who, ct);
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(alert.FaqItemId, ct);
        return true;
    }

    /// <summary>Marks every open alert of this steunpunt on the item as decided (the layer page calls it after a save).</summary>
    public async Task SettleAsync(Guid nationalItemId, AlertDecision decision, string who, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var open in await db.Set<LayerAlert>().Where(a => a.FaqItemId == nationalItemId && a.Decision == AlertDecision.Open).ToListAsync(ct))
        {
            (open.Decision, open.DecidedAt, open.DecidedBy) = (decision, now, who);
        }
    }
}
