using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Tenancy;

/// <summary>
/// All steunpunten by slug and host, held in memory so that resolving costs no query per request. The list is read
/// again after a while (another instance may have added a steunpunt) or when told it changed. When the database is
/// away, the last list read keeps serving, so cached pages stay up during an outage.
/// </summary>
public sealed partial class TenantDirectory(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TenantDirectory> logger) : IDisposable
{
    // Another instance may add a steunpunt; it becomes visible here within this time.
    private static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _reading = new(1, 1);
    // The last list read, as a finished task: a fresh list is handed out as it is and costs a request nothing.
    private volatile Task<Lookup>? _last;
    private Lookup? Last => _last?.Result;
    private long _readAgainAtTicks; // UTC ticks; read and written with Volatile, shared by every request
    private long _awayUntilTicks;
    // Every Invalidate counts one change; _readUpTo is the count the last list was read after. A list being read is not
    // yet the last one: until it is in place, a request that comes after a change waits for it instead of getting the
    // list from before (a steunpunt just set up would answer 404 for the few milliseconds of the read).
    private long _changes = 1;
    private long _readUpTo;

    private bool Changed => Volatile.Read(ref _readUpTo) != Volatile.Read(ref _changes);

    private bool InLifetime => clock.GetUtcNow().UtcTicks < Volatile.Read(ref _readAgainAtTicks);

    private bool Fresh => !Changed && InLifetime;

    private void ReadAgainIn(TimeSpan after) => Volatile.Write(ref _readAgainAtTicks, (clock.GetUtcNow() + after).UtcTicks);

    // Fresh before the list itself: a read puts its list in place before it counts as read, so a list taken after a
    // check that found no change is at least that new.
    public Task<Lookup> GetAsync(CancellationToken ct = default) =>
        Fresh && _last is { } last ? last : ReadOrWaitAsync(ct);

    private async Task<Lookup> ReadOrWaitAsync(CancellationToken ct)
    {
        var changed = Changed;
        var last = Last;
        if (last is not null && !changed && InLifetime)
        {
            return last;
        }
        if (last is null && clock.GetUtcNow().UtcTicks < Volatile.Read(ref _awayUntilTicks))
        {
            throw new DatabaseUnavailableException("The list of steunpunten cannot be read.");
        }
        // Read again in the background while every request keeps using the last list (no request waits for the
        // database), unless it was changed here or there is none yet: then the request waits for the new one.
        if (last is not null && !changed)
        {
            try
            {
                if (_reading.Wait(0, CancellationToken.None))
                {
                    _ = Task.Run(RefreshAsync, CancellationToken.None);
                }
            }
            catch (ObjectDisposedException)
            {
                // The app is stopping.
            }
            return last;
        }
        await _reading.WaitAsync(ct);
        try
        {
            if (Fresh && Last is { } fresh)
            {
                return fresh;
            }
            if (Last is null && clock.GetUtcNow().UtcTicks < Volatile.Read(ref _awayUntilTicks))
            {
                throw new DatabaseUnavailableException("The list of steunpunten cannot be read.");
            }
            return await ReadAsync(ct);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e) && Last is { } kept)
        {
            // ReadAsync set when to read again.
            LogServingLastList(logger, e.GetType().Name);
            return kept;
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            // No list yet and no database: the requests of the next few seconds are told so at once.
            Volatile.Write(ref _awayUntilTicks, (clock.GetUtcNow() + TimeSpan.FromSeconds(5)).UtcTicks);
            throw new DatabaseUnavailableException("The list of steunpunten cannot be read.", e);
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            if (!Fresh)
            {
                await ReadAsync(CancellationToken.None);
            }
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            LogServingLastList(logger, e.GetType().Name);
        }
        catch (ObjectDisposedException)
        {
            // The app is stopping.
        }
        catch (Exception e)
        {
            // The last list keeps serving; the next request past its lifetime (set by ReadAsync) tries again.
            LogRefreshFailed(logger, e);
        }
        finally
        {
            try
            {
                _reading.Release();
            }
            catch (ObjectDisposedException)
            {
                // The app is stopping.
            }
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "The list of steunpunten could not be read again; the last one keeps serving")]
    private static partial void LogRefreshFailed(ILogger logger, Exception e);

    /// <summary>The list is read from the database at the next request (after a steunpunt was added or changed).</summary>
    public void Invalidate() => Interlocked.Increment(ref _changes);

    private async Task<Lookup> ReadAsync(CancellationToken ct)
    {
        // The changes made before this read are in it; one made while it reads asks for another read.
        var upTo = Volatile.Read(ref _changes);
        List<TenantRow> rows;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
            // A removed steunpunt is not in the directory: its address is unknown to the app, for everyone.
            rows = await db.Tenants.AsNoTracking().Where(t => t.RemovedAt == null)
                .Select(t => new TenantRow(t.Id, t.Slug, t.Name, t.Hosts, t.InOprichting)).ToListAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The read failed: the last list keeps serving until it is read again after its lifetime, instead of every
            // request trying (the one place that sets this for a failed read). A request that went away leaves the
            // change to the next one.
            ReadAgainIn(s_lifetime);
            Volatile.Write(ref _readUpTo, upTo);
            throw;
        }
        var entries = rows.Select(r => new TenantEntry(r.Id, r.Slug, r.Name,
            new Tenant { Slug = r.Slug, Name = r.Name, Hosts = r.Hosts }.HostNames().ToList(), r.InOprichting)).ToList();
        var lookup = new Lookup(
            entries.ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase),
            entries.SelectMany(e => e.Hosts.Select(h => (h, e))).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().e, StringComparer.OrdinalIgnoreCase),
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', entries.OrderBy(e => e.Id)
                .Select(e => $"{e.Id}|{e.Slug}|{e.Name}|{string.Join(' ', e.Hosts)}|{e.InOprichting}")))))[..16]);
        _last = Task.FromResult(lookup);
        ReadAgainIn(s_lifetime);
        Volatile.Write(ref _readUpTo, upTo);
        return lookup;
    }

    private sealed record TenantRow(Guid Id, string Slug, string Name, string? Hosts, bool InOprichting);

    public void Dispose() => _reading.Dispose();

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "The database is away ({Error}); the last list of steunpunten keeps serving")]
    private static partial void LogServingLastList(ILogger logger, string error);

    /// <summary>The steunpunten by slug and by host; <paramref name="Version"/> changes whenever one of them is added,
    /// renamed, moved or taken live, so cached pages can vary by it.</summary>
    public sealed record Lookup(IReadOnlyDictionary<string, TenantEntry> BySlug, IReadOnlyDictionary<string, TenantEntry> ByHost, string Version);
}
