using Steunpunt.Data;

namespace Steunpunt.Privacy;

/// <summary>What must go after a while (a feature registers it): the rule deletes what is due at the given moment
/// and returns how many rows it removed.</summary>
public sealed record RetentionRule(string Name, Func<IServiceProvider, DateTimeOffset, CancellationToken, Task<int>> DeleteDueAsync);

/// <summary>
/// Deletes what is kept only for a while: every few minutes each registered rule runs once, in its own scope. The
/// state is the data itself (what is due is read from the rows), so a restart or a second instance loses or doubles
/// nothing. A rule that finds the database away is simply tried at the next round.
/// </summary>
public sealed partial class RetentionSweep(IEnumerable<RetentionRule> rules, IServiceScopeFactory scopes, Readiness readiness,
    TimeProvider clock, ILogger<RetentionSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every rule once now.</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        foreach (var rule in rules)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await rule.DeleteDueAsync(scope.ServiceProvider, clock.GetUtcNow(), ct);
                if (removed > 0)
                {
                    LogRemoved(logger, rule.Name, removed);
                }
            }
            catch (Exception e) when (DatabaseFaults.IsOutage(e))
            {
                LogDatabaseAway(logger, rule.Name, e.GetType().Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One rule's failure (a row that will not open, say) must neither stop the others nor the app.
                LogFailed(logger, rule.Name, e);
            }
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Retention {Rule}: {Count} removed")]
    private static partial void LogRemoved(ILogger logger, string rule, int count);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Retention {Rule} failed; next round")]
    private static partial void LogFailed(ILogger logger, string rule, Exception exception);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Retention {Rule} cannot reach the database ({Error}); next round")]
    private static partial void LogDatabaseAway(ILogger logger, string rule, string error);
}

public static class RetentionRegistration
{
    public static IServiceCollection AddRetentionRule(this IServiceCollection services, string name,
        Func<IServiceProvider, DateTimeOffset, CancellationToken, Task<int>> deleteDue) =>
        services.AddSingleton(new RetentionRule(name, deleteDue));
}
