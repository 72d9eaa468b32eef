using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Web;

namespace Steunpunt.Information;

/// <summary>
/// Public pages are cached; this drops them when content changes. A publish raises a counter in the database and
/// drops this instance's cache at once; <see cref="ContentStampWatcher"/> lets every other instance notice the
/// counter within a second.
/// </summary>
public sealed class ContentChanges(SteunpuntDb db, IOutputCacheStore cache, ContentStampWatcher.State seen)
{
    public async Task PublishedAsync(CancellationToken ct = default)
    {
        await db.ContentStamps.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), ct);
        var version = await db.ContentStamps.AsNoTracking().Where(s => s.Id == 1).Select(s => s.Version).FirstAsync(ct);
        // This instance drops its cache now; the watcher need not do it again for this version.
        seen.Observe(version);
        await cache.EvictByTagAsync(WebFeature.ContentTag, ct);
    }
}

public sealed class ContentStampWatcher(IServiceScopeFactory scopes, IOutputCacheStore cache, TimeProvider clock,
    ContentStampWatcher.State seen, ILogger<ContentStampWatcher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>The newest content version this instance's cache reflects.</summary>
    public sealed class State
    {
        private long _version = -1;

        public long Version => Interlocked.Read(ref _version);

        /// <summary>Records a version; true when it is newer than what was seen.</summary>
        public bool Observe(long version)
        {
            var current = Interlocked.Read(ref _version);
            while (version > current)
            {
                var previous = Interlocked.CompareExchange(ref _version, version, current);
                if (previous == current)
                {
                    return current >= 0;
                }
                current = previous;
            }
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
                var version = await db.ContentStamps.AsNoTracking().Where(s => s.Id == 1).Select(s => s.Version).FirstAsync(stoppingToken);
                if (seen.Observe(version))
                {
                    await cache.EvictByTagAsync(WebFeature.ContentTag, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly away (restart, migration); the next tick tries again.
                InformationLog.StampCheckFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
