using Steunpunt.Data;

namespace Steunpunt.Information.Releases;

/// <summary>Publishes planned parts of the information set when their moment comes: checks once a minute. The plan
/// is in the database, so a restart or a second instance misses or doubles nothing (publishing twice is refused).</summary>
public sealed partial class ReleaseScheduler(IServiceScopeFactory scopes, Readiness readiness, TimeProvider clock, ILogger<ReleaseScheduler> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var published = await scope.ServiceProvider.GetRequiredService<InformationReleases>().PublishDueAsync(stoppingToken);
                if (published > 0)
                {
                    LogPublished(log, published);
                }
            }
            catch (Exception e) when (DatabaseFaults.IsOutage(e))
            {
                LogDatabaseAway(log, e.GetType().Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e); // tried again next minute; the app goes on
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Planned information releases published: {Count}")]
    private static partial void LogPublished(ILogger logger, int count);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "Publishing planned information releases failed; next minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Release scheduler cannot reach the database ({Error}); next minute")]
    private static partial void LogDatabaseAway(ILogger logger, string error);
}
