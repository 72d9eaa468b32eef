using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Stories.Surface;

/// <summary>
/// What other pillars may read of the stories: only stories a staff member reviewed, and of those only the redacted
/// text they approved, the moment, the themes and whether the experience was negative. The teller's own words never
/// leave this pillar.
/// </summary>
public sealed class ReviewedStories(SteunpuntDb db)
{
    /// <summary>A reviewed story as others may show it.</summary>
    public sealed record Reviewed(Guid Id, DateTimeOffset ReceivedAt, string Text);

    /// <summary>Negative experiences per theme; <paramref name="Code"/> is a theme code.</summary>
    public sealed record ThemeRow(string Code, int Count);

    private IQueryable<Story> All => db.Stories.AsNoTracking().Where(s => s.ReviewedAt != null);

    /// <summary>Up to <paramref name="take"/> quotes from stories received in [from, until): the teller allowed quoting
    /// and staff chose it. With a sector, only stories of that sector or of an unknown one. Newest first.</summary>
    public async Task<IReadOnlyList<string>> QuotesAsync(DateTimeOffset from, DateTimeOffset until, Sector? sector, int take, CancellationToken ct = default)
    {
        var rows = await All.Where(s => s.MayQuote && s.UseAsQuote && s.ReceivedAt >= from && s.ReceivedAt < until)
            .OrderByDescending(s => s.ReceivedAt).Take(50).Select(s => new { s.Phase, s.RedactedText }).ToListAsync(ct);
        return [.. rows
            .Where(r => sector is not { } wanted || Sectors.Of(r.Phase) is var own && (own == wanted || own == Sector.Onbekend))
            .Select(r => Story.FullText(r.RedactedText)).Where(t => t.Length > 0).Take(take)];
    }

    /// <summary>Reviewed stories received since the given moment that were negative, counted per theme, most first.</summary>
    public async Task<IReadOnlyList<ThemeRow>> NegativeByThemeAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var themes = await All.Where(s => s.Feeling < 0 && s.ReceivedAt >= since).Select(s => s.ThemeCodes).ToListAsync(ct);
        return [.. themes.SelectMany(t => t).GroupBy(c => c).Select(g => new ThemeRow(g.Key, g.Count())).OrderByDescending(r => r.Count)];
    }

    /// <summary>The ids of the negative reviewed stories about a theme since the given moment, to link a signal to.</summary>
    public async Task<IReadOnlyList<Guid>> NegativeAboutAsync(string theme, DateTimeOffset since, CancellationToken ct = default)
    {
        var rows = await All.Where(s => s.Feeling < 0 && s.ReceivedAt >= since).Select(s => new { s.Id, s.ThemeCodes }).ToListAsync(ct);
        return [.. rows.Where(r => r.ThemeCodes.Contains(theme)).Select(r => r.Id)];
    }

    public Task<bool> IsReviewedAsync(Guid id, CancellationToken ct = default) => All.AnyAsync(s => s.Id == id, ct);

    /// <summary>The given stories, as far as they are reviewed.</summary>
    public Task<List<Reviewed>> ByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        Project(All.Where(s => ids.Contains(s.Id)).OrderByDescending(s => s.ReceivedAt), ct);

    /// <summary>The newest reviewed stories, except the given ones.</summary>
    public Task<List<Reviewed>> RecentAsync(IReadOnlyCollection<Guid> except, int take, CancellationToken ct = default) =>
        Project(All.Where(s => !except.Contains(s.Id)).OrderByDescending(s => s.ReceivedAt).Take(take), ct);

    private static async Task<List<Reviewed>> Project(IQueryable<Story> stories, CancellationToken ct) =>
        [.. (await stories.Select(s => new { s.Id, s.ReceivedAt, s.RedactedText }).ToListAsync(ct))
            .Select(s => new Reviewed(s.Id, s.ReceivedAt, Story.FullText(s.RedactedText)))];
}
