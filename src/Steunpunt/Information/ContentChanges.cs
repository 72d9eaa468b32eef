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
public sealed class ContentChanges(SteunpuntDb db, IOutputCacheStore cache)
{
    public async Task PublishedAsync(CancellationToken ct = default)
    {
        await db.ContentStamps.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), ct);
        await cache.EvictByTagAsync(WebFeature.ContentTag, ct);
    }
}

public sealed class ContentStampWatcher(IServiceScopeFactory scopes, IOutputCacheStore cache, TimeProvider clock,
    ILogger<ContentStampWatcher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? seen = null;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
                var version = await db.ContentStamps.AsNoTracking().Where(s => s.Id == 1).Select(s => (long?)s.Version).FirstOrDefaultAsync(stoppingToken);
                if (seen is not null && version != seen)
                {
                    await cache.EvictByTagAsync(WebFeature.ContentTag, stoppingToken);
                }
                seen = version;
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
