using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Information.Surface;

/// <summary>When the current steunpunt says it can be reached: its published opening hours, per weekday.</summary>
public sealed class OpeningTimes(SteunpuntDb db)
{
    public sealed record Opening(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

    public async Task<IReadOnlyList<Opening>> AllAsync(CancellationToken ct = default) =>
        [.. (await db.OpeningHours.AsNoTracking().Select(h => new { h.Day, h.Opens, h.Closes }).ToListAsync(ct))
            .Select(h => new Opening(h.Day, h.Opens, h.Closes))];
}
