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
    public async Task<DateOnly> DueOnAsync(DateTimeOffset received, CancellationToken ct = default) =>
        (await CounterFromAsync(WorkingDays.DutchDate(received), ct))(received);

    /// <summary>The due day of any message received from <paramref name="first"/> on, with the steunpunt's reply time
    /// and closures read once.</summary>
    public async Task<Func<DateTimeOffset, DateOnly>> CounterFromAsync(DateOnly first, CancellationToken ct = default)
    {
        var closures = await db.Closures.AsNoTracking().Where(c => c.To >= first)
            .Select(c => new { c.From, c.To }).ToListAsync(ct);
        var days = await PromisedWorkingDaysAsync(ct);
        (DateOnly, DateOnly)[] closed = [.. closures.Select(c => (c.From, c.To))];
        return received => WorkingDays.DueOn(WorkingDays.DutchDate(received), days, closed);
    }
}
