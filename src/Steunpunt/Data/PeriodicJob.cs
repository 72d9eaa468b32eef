namespace Steunpunt.Data;

/// <summary>
/// Work that runs by itself every so often, in its own scope, once the database is ready. The state is the data itself,
/// so a restart or a second instance misses or doubles nothing. A round that finds the database away, or fails, is
/// logged and simply tried at the next round; the app goes on.
/// </summary>
public abstract partial class PeriodicJob(IServiceScopeFactory scopes, Readiness readiness, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first round runs as soon as the database is ready, or only after one interval.</summary>
    protected virtual bool RunAtStart => true;

    /// <summary>One round; returns how many things it did (logged when more than none).</summary>
    protected abstract Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        var name = GetType().Name;
        if (!RunAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var done = await RunAsync(scope.ServiceProvider, clock.GetUtcNow(), stoppingToken);
                if (done > 0)
                {
                    LogDone(logger, name, done);
                }
            }
            catch (Exception e) when (DatabaseFaults.IsOutage(e))
            {
                LogDatabaseAway(logger, name, e.GetType().Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "{Job}: {Count} done")]
    private static partial void LogDone(ILogger logger, string job, int count);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "{Job} cannot reach the database ({Error}); next round")]
    private static partial void LogDatabaseAway(ILogger logger, string job, string error);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Error, Message = "{Job} failed; next round")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
