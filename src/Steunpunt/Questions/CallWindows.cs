namespace Steunpunt.Questions;

/// <summary>
/// The parts of the day in which a person may ask to be called back. Only the part the steunpunt is open in is
/// offered: a window is cut to its opening hours ("'s middags (12.00–16.00 uur)" when the line closes at four) and
/// left out when the steunpunt is never open then. Without published opening hours every window is offered whole.
/// </summary>
public static class CallWindows
{
    public sealed record Window(string Value, string Part, TimeOnly From, TimeOnly Until)
    {
        public string Label => $"{Part} ({Time(From)}–{Time(Until)} uur)";

        private static string Time(TimeOnly t) => t.ToString("H.mm", Dutch.Culture);
    }

    public static readonly IReadOnlyList<Window> All =
    [
        new("ochtend", "'s ochtends", new(9, 0), new(12, 0)),
        new("middag", "'s middags", new(12, 0), new(17, 0)),
        new("avond", "'s avonds", new(17, 0), new(20, 0)),
    ];

    public static IReadOnlyList<Window> Offered(IReadOnlyCollection<(TimeOnly Opens, TimeOnly Closes)> openingHours)
    {
        if (openingHours.Count == 0)
        {
            return All;
        }
        return
        [
            .. All.Select(w =>
            {
                var overlaps = openingHours.Where(h => h.Opens < w.Until && h.Closes > w.From).ToList();
                return overlaps.Count == 0 ? null
                    : w with { From = Later(w.From, overlaps.Min(h => h.Opens)), Until = Earlier(w.Until, overlaps.Max(h => h.Closes)) };
            }).OfType<Window>(),
        ];
    }

    /// <summary>The windows offered for the current steunpunt; the last opening hours read serve when the database is
    /// away, so a form can still be shown again with what was typed.</summary>
    public static async Task<IReadOnlyList<Window>> OfferedAsync(Web.LastKnown lastKnown, Information.Surface.OpeningTimes openingTimes,
        Guid? tenantId, CancellationToken ct) =>
        Offered(await lastKnown.GetAsync($"opening-hours:{tenantId}",
            async c => (IReadOnlyList<(TimeOnly, TimeOnly)>)[.. (await openingTimes.AllAsync(c)).Select(h => (h.Opens, h.Closes))], [], ct));

    /// <summary>The stored form of chosen windows ("ochtend,avond") as people read it.</summary>
    public static string Describe(string stored) =>
        string.Join(", ", stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => All.FirstOrDefault(w => w.Value == v)?.Part ?? v));

    private static TimeOnly Later(TimeOnly a, TimeOnly b) => a > b ? a : b;

    private static TimeOnly Earlier(TimeOnly a, TimeOnly b) => a < b ? a : b;
}
