using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Leidraad;

/// <summary>
/// Keeps this school year's snapshot of every steunpunt's checklist current, also when nobody saves anything: once a
/// day it writes the statuses as they stand (the app's own answers included). When the school year ends, the last
/// snapshot of that year stays, to compare with the next. A checklist save rewrites it at once as well.
/// </summary>
public sealed partial class SnapshotKeeper(IServiceScopeFactory scopes, Readiness readiness, TimeProvider clock, ILogger<SnapshotKeeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>A snapshot younger than this is left alone by the daily round.</summary>
    public static readonly TimeSpan Age = TimeSpan.FromHours(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var written = await TakeAsync(scope.ServiceProvider.GetRequiredService<SteunpuntDb>(), scope.ServiceProvider.GetRequiredService<LeidraadFacts>(),
                    clock.GetUtcNow(), stoppingToken);
                if (written > 0)
                {
                    LogWritten(log, written);
                }
            }
            catch (Exception e) when (DatabaseFaults.IsOutage(e))
            {
                LogDatabaseAway(log, e.GetType().Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Writes this school year's snapshot for every steunpunt (not removed) whose snapshot is missing or older
    /// than <see cref="Age"/>; returns how many it wrote.</summary>
    public static async Task<int> TakeAsync(SteunpuntDb db, LeidraadFacts facts, DateTimeOffset now, CancellationToken ct)
    {
        var year = SchoolYear.Of(now).First;
        var fresh = now - Age;
        var snapshots = await db.Set<LeidraadSnapshot>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(s => s.SchoolYear == year)
            .ToDictionaryAsync(s => s.TenantId, ct);
        var due = (await db.Tenants.AsNoTracking().Where(t => t.RemovedAt == null).Select(t => t.Id).ToListAsync(ct))
            .Where(id => !snapshots.TryGetValue(id, out var s) || s.TakenAt < fresh).ToList();
        if (due.Count == 0)
        {
            return 0;
        }
        var known = await facts.AssessAsync(due, ct);
        var saved = (await db.Set<LeidraadItem>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking()
            .Where(i => due.Contains(i.TenantId)).ToListAsync(ct)).GroupBy(i => i.TenantId).ToDictionary(g => g.Key, g => g.ToDictionary(i => i.Code));
        foreach (var id in due)
        {
            if (!snapshots.TryGetValue(id, out var snapshot))
            {
                snapshot = new LeidraadSnapshot { TenantId = id, SchoolYear = year };
                db.Set<LeidraadSnapshot>().Add(snapshot);
            }
            (snapshot.TakenAt, snapshot.Statuses) = (now, LeidraadSnapshot.Write(Leidraad.Combine(saved.GetValueOrDefault(id) ?? [], known[id])));
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Leidraad snapshots written: {Count}")]
    private static partial void LogWritten(ILogger logger, int count);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Leidraad snapshots: database away ({Error}); next hour")]
    private static partial void LogDatabaseAway(ILogger logger, string error);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Error, Message = "Leidraad snapshots failed; next hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
