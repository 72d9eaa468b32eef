using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Information.Surface;

/// <summary>What other pillars may read of "Was dit nuttig?": per article, what readers of the current steunpunt's site
/// wrote they missed after answering "nee". The texts were refused when they held an e-mail address, phone number or
/// BSN; they are shown to staff only.</summary>
public sealed class ReaderFeedback(SteunpuntDb db)
{
    /// <summary>The texts about one article, newest week first, and the question it answers on this site.</summary>
    public sealed record Missed(Guid ItemId, string Question, IReadOnlyList<string> Texts);

    /// <summary>The articles readers missed something in since the given day, most texts first.</summary>
    public async Task<IReadOnlyList<Missed>> MissedAsync(DateOnly since, int take, CancellationToken ct = default)
    {
        var site = db.CurrentTenantId;
        // The text is encrypted at rest, so it is read row by row; HasText and the week are what the database filters on.
        var rows = await db.ArticleFeedback.AsNoTracking().Where(f => f.TenantId == site && f.HasText && f.Week >= since)
            .OrderByDescending(f => f.Week).ToListAsync(ct);
        var top = rows.GroupBy(r => r.FaqItemId).OrderByDescending(g => g.Count()).Take(take).ToList();
        var ids = top.Select(g => g.Key).ToList();
        var questions = await db.FaqItems.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Question, ct);
        return [.. top.Where(g => questions.ContainsKey(g.Key)).Select(g => new Missed(g.Key, questions[g.Key], [.. g.Select(r => r.Missed)]))];
    }

    /// <summary>The texts about one article since the given day, or null when there are none.</summary>
    public async Task<Missed?> MissedForAsync(Guid itemId, DateOnly since, CancellationToken ct = default)
    {
        var site = db.CurrentTenantId;
        var texts = await db.ArticleFeedback.AsNoTracking().Where(f => f.TenantId == site && f.FaqItemId == itemId && f.HasText && f.Week >= since)
            .OrderByDescending(f => f.Week).ToListAsync(ct);
        var question = await db.FaqItems.AsNoTracking().Where(f => f.Id == itemId).Select(f => f.Question).FirstOrDefaultAsync(ct);
        return texts.Count == 0 || question is null ? null : new Missed(itemId, question, [.. texts.Select(t => t.Missed)]);
    }
}
