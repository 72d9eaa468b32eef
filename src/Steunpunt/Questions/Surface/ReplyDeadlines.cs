using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Questions.Surface;

/// <summary>
/// Keeps the reply deadlines of the current steunpunt's open questions in step with its calendar. A deadline is stored
/// (the inbox sorts and filters on it), so when a closure is added or removed every deadline still owed is counted
/// again, from the moment its clock started: the person's last message, or when the contact came in.
/// </summary>
public sealed class ReplyDeadlines(SteunpuntDb db, ReplyClock replyClock)
{
    /// <summary>Counts the open deadlines again with the closures as they are now; returns how many moved.</summary>
    public async Task<int> RecountAsync(CancellationToken ct = default)
    {
        var owed = await db.Cases.Where(c => c.Status == CaseStatus.Open && c.AwaitingStaff && c.ReplyDueOn != null)
            .Select(c => new
            {
                c.Id,
                c.ReceivedAt,
                c.ReplyDueOn,
                c.FirstDueOn,
                c.AnsweredOnTime,
                LastFromPerson = c.Messages.Where(m => !m.FromStaff).Max(m => (DateTimeOffset?)m.At),
            })
            .ToListAsync(ct);
        if (owed.Count == 0)
        {
            return 0;
        }
        var dueOn = await replyClock.CounterFromAsync(WorkingDays.DutchDate(owed.Min(c => c.ReceivedAt)), ct);
        var moved = 0;
        foreach (var c in owed)
        {
            var started = c.LastFromPerson is { } last && last > c.ReceivedAt ? last : c.ReceivedAt;
            var due = dueOn(started);
            // The first promise counts for the board report until the first answer is given.
            var firstDue = c.AnsweredOnTime is null && c.FirstDueOn is not null ? dueOn(c.ReceivedAt) : c.FirstDueOn;
            if (due != c.ReplyDueOn || firstDue != c.FirstDueOn)
            {
                moved += await db.Cases.Where(x => x.Id == c.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReplyDueOn, due).SetProperty(x => x.FirstDueOn, firstDue), ct);
            }
        }
        return moved;
    }
}
