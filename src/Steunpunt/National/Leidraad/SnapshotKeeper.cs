using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Leidraad;

/// <summary>
/// Keeps this school year's snapshot of every steunpunt's checklist current, also when nobody saves anything: once a
/// day it writes the statuses as they stand (the app's own answers included). When the school year ends, the last
/// snapshot of that year stays, to compare with the next. A checklist save rewrites it at once as well.
/// </summary>
public sealed class SnapshotKeeper(IServiceScopeFactory scopes, Readiness readiness, TimeProvider clock, ILogger<SnapshotKeeper> log)
    : PeriodicJob(scopes, readiness, clock, log)
{
    /// <summary>A snapshot younger than this is left alone by the daily round.</summary>
    public static readonly TimeSpan Age = TimeSpan.FromHours(20);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    // Nothing is urgent at start-up; the first round comes an hour later (and never in a short test run).
    protected override bool RunAtStart => false;

    protected override Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        TakeAsync(services.GetRequiredService<SteunpuntDb>(), services.GetRequiredService<LeidraadFacts>(), now, ct);

    /// <summary>Writes this school year's snapshot for every steunpunt (not removed) whose snapshot is missing or older
    /// than <see cref="Age"/>; returns how many it wrote.</summary>
    public static async Task<int> TakeAsync(SteunpuntDb db, LeidraadFacts facts, DateTimeOffset now, CancellationToken ct)
    {
        var year = SchoolYear.Of(now).First;
        var fresh = now - Age;
        var snapshots = await db.Set<LeidraadSnapshot>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking().Where(s => s.SchoolYear == year)
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
            await LeidraadSnapshot.SaveAsync(db, id, year, LeidraadSnapshot.Write(Leidraad.Combine(saved.GetValueOrDefault(id) ?? [], known[id])), now, ct);
        }
        return due.Count;
    }
}
