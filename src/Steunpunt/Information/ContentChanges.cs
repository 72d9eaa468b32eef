using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Search;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Information;

/// <summary>
/// Called after every publish. It records the change in the database (so every other instance learns of it
/// within a second, through <see cref="ContentChangeWatcher"/>), and brings this instance's cached pages and
/// search index up to date before the editor sees "opgeslagen".
/// </summary>
public sealed class ContentChanges(SteunpuntDb db, CurrentTenant tenant, ContentSync sync, TimeProvider clock)
{
    // itemId: the one FAQ item that changed, when that is all; lets a national edit re-index just that item.
    public async Task PublishedAsync(Guid? itemId = null, CancellationToken ct = default)
    {
        db.ContentChanges.Add(new ContentChange { TenantId = tenant.Id, ItemId = itemId, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await sync.CatchUpAsync(ct);
    }
}

/// <summary>Applies content changes recorded by any instance to this instance, in order, once each.</summary>
public sealed class ContentSync(IServiceScopeFactory scopes, IOutputCacheStore cache, SearchIndex index, Web.PublishedContent published) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _applied = -1;

    /// <summary>The newest change this instance's cache reflects, and its search index once built.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Marks every change so far as applied: the caches start empty. Quick, so pages are served at once.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
            var last = await db.ContentChanges.AsNoTracking().MaxAsync(c => (long?)c.Id, ct) ?? 0;
            Interlocked.Exchange(ref _applied, Math.Max(last, Applied));
            published.Version = Applied;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Builds the search index from scratch while pages are served (at national scale this takes seconds). Outside
    /// the gate, so a publish meanwhile is not held up; the changes made while it read are applied afterwards.
    /// </summary>
    public async Task BuildIndexAsync(CancellationToken ct = default)
    {
        long from;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
            from = await db.ContentChanges.AsNoTracking().MaxAsync(c => (long?)c.Id, ct) ?? 0;
            await index.RebuildAsync(await SearchSource.LoadAsync(db, tenantIds: null, ct));
        }
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
            var applied = Applied;
            var missed = await db.ContentChanges.AsNoTracking().Where(c => c.Id > from && c.Id <= applied).OrderBy(c => c.Id)
                .Select(c => new Change(c.Id, c.TenantId, c.ItemId)).ToListAsync(ct);
            await IndexAsync(db, missed, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Change(long Id, Guid? TenantId, Guid? ItemId);

    public void Dispose() => _gate.Dispose();

    private async Task IndexAsync(SteunpuntDb db, IReadOnlyList<Change> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }
        var national = changes.Where(c => c.TenantId is null).ToList();
        if (national.Any(c => c.ItemId is null))
        {
            // A national change of unknown extent touches every steunpunt.
            await index.ReplaceAsync(await SearchSource.LoadAsync(db, tenantIds: null, ct));
            return;
        }
        var tenants = changes.Where(c => c.TenantId is not null).Select(c => c.TenantId!.Value).Distinct().ToList();
        if (tenants.Count > 0)
        {
            await index.ReplaceAsync(await SearchSource.LoadAsync(db, tenants, ct));
        }
        var items = national.Select(c => c.ItemId!.Value).Distinct().ToList();
        if (items.Count > 0)
        {
            await index.ReplaceItemsAsync(items, await SearchSource.LoadItemsAsync(db, items, ct));
        }
    }

    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
            var applied = Applied;
            var changes = await db.ContentChanges.AsNoTracking().Where(c => c.Id > applied).OrderBy(c => c.Id)
                .Select(c => new Change(c.Id, c.TenantId, c.ItemId)).Take(10_000).ToListAsync(ct);
            if (changes.Count == 0)
            {
                return;
            }
            // While the index is still being built its build applies these changes when done.
            if (index.IsBuilt)
            {
                await IndexAsync(db, changes, ct);
            }
            await cache.EvictByTagAsync(WebFeature.ContentTag, ct);
            Interlocked.Exchange(ref _applied, changes[^1].Id);
            published.Version = changes[^1].Id;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Polls for changes made through other instances.</summary>
public sealed class ContentChangeWatcher(ContentSync sync, TimeProvider clock, Readiness readiness, ILogger<ContentChangeWatcher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // From the moment pages are served: cached pages must follow other instances' publishes also while the
        // search index is still being built.
        await readiness.WaitUntilServingAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sync.CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly away (restart, migration); the next tick tries again.
                InformationLog.StampCheckFailed(log, e);
            }
        }
    }
}
