using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

using Steunpunt.Web;

namespace Steunpunt.Information.Search;

/// <summary>Settings of search (section "Search").</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Searches one address may do per minute (the search page).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int SearchesPerAddressPerMinute { get; set; } = 60;

    /// <summary>Suggestion requests one address may make per minute (one per pause while typing).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int SuggestionsPerAddressPerMinute { get; set; } = 300;

    /// <summary>A search without an answer is shown to editors and in signal suggestions only once this many different
    /// people (addresses, kept for the week as short keyed fingerprints) searched the same words.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 20)]
    public int UnansweredSearchPeople { get; set; } = 3;

    /// <summary>Different searches without an answer counted per steunpunt per week; more are not stored.</summary>
    [System.ComponentModel.DataAnnotations.Range(10, 100_000)]
    public int UnansweredSearchesPerWeek { get; set; } = 500;
}

/// <summary>
/// Per-address limits on searching: the search page and the suggestions while typing. They are kept in each
/// instance's memory on purpose: what a flood of searches costs is that instance's processor, and a search stores
/// nothing a person could lose.
/// </summary>
public sealed class SearchLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _searches;
    private readonly PartitionedRateLimiter<string> _suggestions;

    public SearchLimits(IOptions<SearchOptions> options)
    {
        _searches = PerAddress(options.Value.SearchesPerAddressPerMinute);
        _suggestions = PerAddress(options.Value.SuggestionsPerAddressPerMinute);
    }

    private static PartitionedRateLimiter<string> PerAddress(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(address,
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 }));

    public bool TrySearch(HttpContext context) => Acquire(_searches, context);

    public bool TrySuggest(HttpContext context) => Acquire(_suggestions, context);

    private static bool Acquire(PartitionedRateLimiter<string> limiter, HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(AbuseLimits.Network(context.Connection.RemoteIpAddress));
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _searches.Dispose();
        _suggestions.Dispose();
    }
}
