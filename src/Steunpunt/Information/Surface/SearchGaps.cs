using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Information.Search;

namespace Steunpunt.Information.Surface;

/// <summary>What other pillars may read of the site search: the searches that found no answer, once enough different
/// people made them (the same rule as the editors' list), with how often.</summary>
public sealed class SearchGaps(SteunpuntDb db, IOptions<SearchOptions> options)
{
    public sealed record Gap(string Query, int Count);

    /// <summary>The most searched words without an answer, most first.</summary>
    public async Task<IReadOnlyList<Gap>> TopAsync(int take, CancellationToken ct = default)
    {
        var people = options.Value.UnansweredSearchPeople;
        var rows = await db.UnansweredSearches.AsNoTracking().Where(u => u.People >= people).GroupBy(u => u.Query)
            .Select(g => new { g.Key, Count = g.Sum(u => u.Count) }).OrderByDescending(g => g.Count).Take(take).ToListAsync(ct);
        return [.. rows.Select(r => new Gap(r.Key, r.Count))];
    }
}
