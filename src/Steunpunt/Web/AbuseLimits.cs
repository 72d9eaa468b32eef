using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Steunpunt.Questions;

namespace Steunpunt.Web;

/// <summary>
/// Per-address limits for the anonymous forms, built on ASP.NET Core's rate limiters. They are checked inside the
/// page handler rather than by the middleware, so that someone over the limit gets the same form back with their
/// text kept and a plain-Dutch message, instead of a bare 429.
/// </summary>
public sealed class AbuseLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _submissions;
    private readonly PartitionedRateLimiter<string> _lookups;

    public AbuseLimits(IOptions<QuestionsOptions> options)
    {
        _submissions = PerAddress(options.Value.SubmissionsPerAddressPerHour);
        _lookups = PerAddress(options.Value.LookupsPerAddressPerHour);
    }

    private static PartitionedRateLimiter<string> PerAddress(int perHour) =>
        PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));

    /// <summary>Takes one submission permit for the caller's address; false when over the limit.</summary>
    public bool TrySubmit(HttpContext context) => Acquire(_submissions, context);

    /// <summary>Takes one lookup permit (a link or code tried); false when over the limit.</summary>
    public bool TryLookup(HttpContext context) => Acquire(_lookups, context);

    private static bool Acquire(PartitionedRateLimiter<string> limiter, HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _submissions.Dispose();
        _lookups.Dispose();
    }
}
