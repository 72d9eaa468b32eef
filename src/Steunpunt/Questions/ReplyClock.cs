using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Questions;

/// <summary>The current steunpunt's promised reply time, counted in its working days.</summary>
public sealed class ReplyClock(SteunpuntDb db, CurrentTenant tenant, TimeProvider clock)
{
    public DateOnly Today => WorkingDays.DutchDate(clock.GetUtcNow());

    public async Task<int> PromisedWorkingDaysAsync(CancellationToken ct = default) =>
        await db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.ReplyWorkingDays).SingleOrDefaultAsync(ct) is var days and > 0 ? days : 3;

    /// <summary>The day by which a message received at <paramref name="received"/> is to be answered.</summary>
    public async Task<DateOnly> DueOnAsync(DateTimeOffset received, CancellationToken ct = default)
    {
        var day = WorkingDays.DutchDate(received);
        var closures = await db.Closures.AsNoTracking().Where(c => c.To >= day)
            .Select(c => new { c.From, c.To }).ToListAsync(ct);
        return WorkingDays.DueOn(day, await PromisedWorkingDaysAsync(ct), [.. closures.Select(c => (c.From, c.To))]);
    }
}
