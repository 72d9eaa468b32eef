using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Steunpunt.Data;

/// <summary>Something the app does when it starts (migrate, seed, build the search index); run in the order the
/// features registered them. A step <paramref name="WhileServing"/> runs after the others, once pages are served
/// (building the search index at national scale takes seconds; the search page says "even geduld" meanwhile).</summary>
public sealed record StartupStep(string Name, Func<IServiceProvider, CancellationToken, Task> RunAsync, bool WhileServing = false);

/// <summary>Whether the start-up steps are done. Until the steps that must come first are done every page answers 503
/// (see Web), while the health endpoint already says the process is alive; then pages are served
/// (<see cref="IsServing"/>) while the steps that may run meanwhile finish (<see cref="IsReady"/>).</summary>
public sealed class Readiness
{
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every start-up step is done, also those that run while pages are served.</summary>
    public bool IsReady => _done.Task.IsCompletedSuccessfully;

    /// <summary>Pages are served: the steps that must come first (migrations, starter content) are done.</summary>
    public bool IsServing => _serving.Task.IsCompletedSuccessfully;

    /// <summary>Waits until every start-up step is done; throws when one failed for a reason other than an outage.</summary>
    public Task WaitAsync(CancellationToken ct = default) => _done.Task.WaitAsync(ct);

    /// <summary>Waits until pages are served; throws when a start-up step failed for a reason other than an outage.</summary>
    public Task WaitUntilServingAsync(CancellationToken ct = default) => _serving.Task.WaitAsync(ct);

    internal void Serving() => _serving.TrySetResult();

    internal void Ready()
    {
        _serving.TrySetResult();
        _done.TrySetResult();
    }

    internal void Failed(Exception e)
    {
        _serving.TrySetException(e);
        _done.TrySetException(e);
    }
}

/// <summary>
/// Runs the start-up steps in the background, so the process listens (and tells it is alive) at once. A step that
/// finds the database away is tried again, with growing pauses, until it is back; any other failure stops the app.
/// </summary>
public sealed partial class StartupRunner(IEnumerable<StartupStep> steps, Readiness readiness, IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime, Microsoft.Extensions.Options.IOptions<StartupOptions> options, ILogger<StartupRunner> logger) : BackgroundService
{
    private static readonly TimeSpan s_longestPause = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ordered = steps.Where(s => !s.WhileServing).ToList();
        foreach (var step in ordered.Concat(steps.Where(s => s.WhileServing)))
        {
            if (step.WhileServing && !readiness.IsServing)
            {
                readiness.Serving();
                LogServing(logger);
                if (options.Value.PauseBeforeWhileServing > TimeSpan.Zero)
                {
                    await Task.Delay(options.Value.PauseBeforeWhileServing, stoppingToken);
                }
            }
            var pause = TimeSpan.FromSeconds(1);
            while (true)
            {
                // The attempt that succeeds is timed (not the waits for the database before it).
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await step.RunAsync(scope.ServiceProvider, stoppingToken);
                    var took = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    LogStepDone(logger, step.Name, took);
                    break;
                }
                catch (Exception e) when (DatabaseFaults.IsOutage(e) && !stoppingToken.IsCancellationRequested)
                {
                    LogWaiting(logger, step.Name, pause.TotalSeconds, e.GetType().Name);
                    await Task.Delay(pause, stoppingToken);
                    pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, s_longestPause.Ticks));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, step.Name, e);
                    readiness.Failed(e);
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        readiness.Ready();
        LogReady(logger);
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Start-up step {Step} cannot reach the database ({Error}); trying again in {Seconds} s")]
    private static partial void LogWaiting(ILogger logger, string step, double seconds, string error);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Critical, Message = "Start-up step {Step} failed; the app stops")]
    private static partial void LogFailed(ILogger logger, string step, Exception exception);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Information, Message = "Serving pages; the remaining start-up steps run meanwhile")]
    private static partial void LogServing(ILogger logger);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information, Message = "Start-up step {Step} done in {Milliseconds} ms")]
    private static partial void LogStepDone(ILogger logger, string step, long milliseconds);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Ready: every start-up step is done")]
    private static partial void LogReady(ILogger logger);
}

/// <summary>Ready means: pages are served, and the database answers now. While the steps that run after that
/// (the search index) are busy it says so, as "degraded": still ready (200), so a proxy sends visitors.</summary>
public sealed class ReadyHealthCheck(Readiness readiness, IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsServing)
        {
            return HealthCheckResult.Unhealthy("nog bezig met opstarten");
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
            return !await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Unhealthy("database niet bereikbaar")
                : readiness.IsReady ? HealthCheckResult.Healthy("database bereikbaar")
                : HealthCheckResult.Degraded("database bereikbaar; zoeken start nog op");
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            return HealthCheckResult.Unhealthy("database niet bereikbaar");
        }
    }
}

public static class StartupRegistration
{
    public static IServiceCollection AddStartupStep(this IServiceCollection services, string name, Func<IServiceProvider, CancellationToken, Task> run) =>
        services.AddSingleton(new StartupStep(name, run));

    /// <summary>A start-up step that runs once pages are served (after every other step).</summary>
    public static IServiceCollection AddStartupStepWhileServing(this IServiceCollection services, string name, Func<IServiceProvider, CancellationToken, Task> run) =>
        services.AddSingleton(new StartupStep(name, run, WhileServing: true));
}
