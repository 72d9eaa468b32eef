using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Articles;

/// <summary>"Was dit nuttig?": stores the answers of the current site (a steunpunt's, or the national site) and
/// counts them per item for its editors.</summary>
public sealed class ArticleVotes(SteunpuntDb db, CurrentTenant tenant, TimeProvider clock)
{
    /// <summary>The answers to one item on this site, with how many told what they missed and the latest of those texts.</summary>
    public sealed record Tally(Guid ItemId, string Question, int Yes, int No, int Texts, IReadOnlyList<string> Latest);

    public const int LatestShown = 5;

    public async Task<Guid> VoteAsync(Guid itemId, bool useful, CancellationToken ct)
    {
        var vote = new ArticleFeedback { TenantId = tenant.Id, FaqItemId = itemId, Useful = useful, Week = ArticleFeedback.WeekOf(clock.GetUtcNow()) };
        db.ArticleFeedback.Add(vote);
        await db.SaveChangesAsync(ct);
        return vote.Id;
    }

    /// <summary>Adds what the reader missed to their "nee", once; false when there is no such answer without text.</summary>
    public async Task<bool> AddMissedAsync(Guid voteId, Guid itemId, string text, CancellationToken ct)
    {
        var site = tenant.Id;
        var vote = await db.ArticleFeedback.SingleOrDefaultAsync(f => f.Id == voteId && f.FaqItemId == itemId && f.TenantId == site && !f.Useful, ct);
        if (vote is null)
        {
            return false;
        }
        if (vote.HasText)
        {
            // The same form sent twice (a double click, the back button): the first text stays.
            return true;
        }
        (vote.Missed, vote.HasText) = (text, true);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Counts per item on this site, most answers first. Items no longer on the site are left out.</summary>
    public async Task<IReadOnlyList<Tally>> TalliesAsync(CancellationToken ct)
    {
        var site = tenant.Id;
        var counts = await db.ArticleFeedback.AsNoTracking().Where(f => f.TenantId == site).GroupBy(f => f.FaqItemId)
            .Select(g => new { g.Key, Yes = g.Count(f => f.Useful), No = g.Count(f => !f.Useful), Texts = g.Count(f => f.HasText) })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.Key).ToList();
        var questions = await db.FaqItems.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Question, ct);
        // The texts are encrypted at rest, so the newest rows are read and opened here, not filtered in the database.
        var latest = (await db.ArticleFeedback.AsNoTracking().Where(f => f.TenantId == site && f.HasText).OrderByDescending(f => f.Week)
            .Take(500).ToListAsync(ct)).GroupBy(f => f.FaqItemId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Take(LatestShown).Select(f => f.Missed)]);
        return [.. counts.Where(c => questions.ContainsKey(c.Key))
            .Select(c => new Tally(c.Key, questions[c.Key], c.Yes, c.No, c.Texts, latest.GetValueOrDefault(c.Key) ?? []))
            .OrderByDescending(t => t.Yes + t.No).ThenBy(t => t.Question, StringComparer.Ordinal)];
    }
}
