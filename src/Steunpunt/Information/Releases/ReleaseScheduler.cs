using Steunpunt.Data;

namespace Steunpunt.Information.Releases;

/// <summary>Publishes planned parts of the information set when their moment comes: looks once a minute. The plan is
/// in the database, so a restart or a second instance misses or doubles nothing (publishing twice is refused).</summary>
public sealed class ReleaseScheduler(IServiceScopeFactory scopes, Readiness readiness, TimeProvider clock, ILogger<ReleaseScheduler> log)
    : PeriodicJob(scopes, readiness, clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        services.GetRequiredService<InformationReleases>().PublishDueAsync(ct);
}
