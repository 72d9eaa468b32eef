using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Privacy;

namespace Steunpunt.Questions.Surface;

/// <summary>
/// What other pillars may know about contacts: how many, and by what. Counting happens in the database; only labels
/// and numbers leave this class, never a case, a field of one or an entity.
/// </summary>
public sealed class CaseCounts(SteunpuntDb db)
{
    public sealed record Row(string Label, int Count);

    /// <summary>Contacts per theme; <paramref name="Code"/> is null for contacts without a theme.</summary>
    public sealed record ThemeRow(string? Code, int Count);

    /// <summary>Contacts over a period, by dimension. Themes and help given can have several values per contact.</summary>
    public sealed record Tally(int Total, IReadOnlyList<Row> Channels, IReadOnlyList<Row> Requesters, IReadOnlyList<Row> Phases,
        IReadOnlyList<Row> HelpGiven, IReadOnlyList<Row> Outcomes, IReadOnlyList<Row> Gemeenten, IReadOnlyList<ThemeRow> Themes,
        IReadOnlyList<Row> ReplyTimes);

    /// <summary>A knelpunt staff flagged on contacts; <paramref name="Key"/> is what <see cref="WithKnelpuntAsync"/> takes.</summary>
    public sealed record Knelpunt(string Key, string Label, int Count);

    /// <summary>Contacts this steunpunt received in [from, until). With a sector, only the contacts of that sector and
    /// those whose sector is unknown (a steunpunt serving a PO and a VO partnership reports to each).</summary>
    public Task<Tally> CountAsync(DateTimeOffset from, DateTimeOffset until, Sector? sector, CancellationToken ct = default) =>
        CountAsync(sector is { } s ? db.Cases.Where(c => c.Sector == s || c.Sector == Sector.Onbekend) : db.Cases, from, until, gemeenten: true, ct);

    /// <summary>How many contacts this steunpunt received in each of the given spans (months of a report), with the
    /// same sector rule as <see cref="CountAsync(DateTimeOffset, DateTimeOffset, Sector?, CancellationToken)"/>. One
    /// count per span; only numbers leave.</summary>
    public async Task<IReadOnlyList<int>> PerSpanAsync(IReadOnlyList<(DateTimeOffset From, DateTimeOffset Until)> spans, Sector? sector, CancellationToken ct = default)
    {
        var scope = sector is { } s ? db.Cases.Where(c => c.Sector == s || c.Sector == Sector.Onbekend) : db.Cases;
        var counts = new List<int>(spans.Count);
        foreach (var (from, until) in spans)
        {
            counts.Add(await scope.CountAsync(c => c.ReceivedAt >= from && c.ReceivedAt < until, ct));
        }
        return counts;
    }

    /// <summary>Contacts every steunpunt received in [from, until), for the national monitor (without gemeenten).</summary>
    public Task<Tally> NationalAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default) =>
        CountAsync(db.Cases.IgnoreQueryFilters([SteunpuntDb.TenantFilter]), from, until, gemeenten: false, ct);

    /// <summary>What the leidraad and the national monitor count of one steunpunt's contacts in a sector: all of them,
    /// those of youth, questions asked on the form without a name, and form questions answered within or after the promised time.</summary>
    public sealed record Reach(int Contacts, int Youth, int WithoutName, int OnTime, int Late)
    {
        public static readonly Reach None = new(0, 0, 0, 0, 0);

        public static Reach operator +(Reach a, Reach b) =>
            new(a.Contacts + b.Contacts, a.Youth + b.Youth, a.WithoutName + b.WithoutName, a.OnTime + b.OnTime, a.Late + b.Late);
    }

    /// <summary>Contacts received in [from, until) by every steunpunt (or only those given), per steunpunt and sector
    /// of the contact. One grouped query, so it stays quick at national size.</summary>
    public async Task<IReadOnlyDictionary<(Guid Steunpunt, Sector Sector), Reach>> PerSteunpuntAsync(DateTimeOffset from, DateTimeOffset until,
        IReadOnlyCollection<Guid>? only = null, CancellationToken ct = default)
    {
        var cases = db.Cases.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking().Where(c => c.ReceivedAt >= from && c.ReceivedAt < until);
        if (only is not null)
        {
            cases = cases.Where(c => only.Contains(c.TenantId));
        }
        // Grouped by steunpunt and sector only, with the rest as conditional counts: few groups, one pass.
        var groups = await cases.GroupBy(c => new { c.TenantId, c.Sector }).Select(g => new
        {
            g.Key,
            Contacts = g.Count(),
            Youth = g.Count(c => c.RequesterRole == RequesterRole.Jongere),
            WithoutName = g.Count(c => c.Channel == Channel.Formulier && c.ContactWay == ContactWay.LinkOnly),
            OnTime = g.Count(c => c.Channel == Channel.Formulier && c.AnsweredOnTime == true),
            Late = g.Count(c => c.Channel == Channel.Formulier && c.AnsweredOnTime == false),
        }).ToListAsync(ct);
        return groups.ToDictionary(g => (g.Key.TenantId, g.Key.Sector), g => new Reach(g.Contacts, g.Youth, g.WithoutName, g.OnTime, g.Late));
    }

    /// <summary>How many contacts of a steunpunt still hold a personal part (their retention has not ended), and of
    /// those how many are still open.</summary>
    public async Task<(int Kept, int Open)> KeptAsync(Guid steunpunt, CancellationToken ct = default)
    {
        var kept = db.Cases.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(c => c.TenantId == steunpunt && c.AnonymisedAt == null);
        return (await kept.CountAsync(ct), await kept.CountAsync(c => c.Status == CaseStatus.Open, ct));
    }

    /// <summary>The knelpunten flagged on contacts received since the given moment, most first.</summary>
    public async Task<IReadOnlyList<Knelpunt>> KnelpuntenAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var flags = await db.Cases.AsNoTracking().Where(c => c.ReceivedAt >= since && c.Knelpunten != Knelpunten.None)
            .GroupBy(c => c.Knelpunten).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. CaseLabels.Bottlenecks
            .Select(b => new Knelpunt(b.Value.ToString(), b.Label, flags.Where(f => f.Key.HasFlag(b.Value)).Sum(f => f.Count)))
            .Where(k => k.Count > 0).OrderByDescending(k => k.Count)];
    }

    /// <summary>The label of a knelpunt key, or null when the key is not one.</summary>
    public static string? KnelpuntLabel(string key) =>
        Enum.TryParse<Knelpunten>(key, out var flag) && CaseLabels.Bottlenecks.FirstOrDefault(b => b.Value == flag) is { Label: { } label } ? label : null;

    /// <summary>The ids of the contacts flagged with a knelpunt since the given moment, to link a signal to; null when
    /// the key is not a knelpunt.</summary>
    public async Task<IReadOnlyList<Guid>?> WithKnelpuntAsync(string key, DateTimeOffset since, CancellationToken ct = default)
    {
        if (KnelpuntLabel(key) is null)
        {
            return null;
        }
        var flag = Enum.Parse<Knelpunten>(key);
        return await db.Cases.Where(c => c.ReceivedAt >= since && (c.Knelpunten & flag) == flag).Select(c => c.Id).ToListAsync(ct);
    }

    private static async Task<Tally> CountAsync(IQueryable<SupportCase> scope, DateTimeOffset from, DateTimeOffset until, bool gemeenten, CancellationToken ct)
    {
        var cases = scope.Where(c => c.ReceivedAt >= from && c.ReceivedAt < until);
        var channels = await cases.GroupBy(c => c.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var roles = await cases.GroupBy(c => c.RequesterRole).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var phases = await cases.GroupBy(c => c.Phase).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var outcomes = await cases.GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var themes = await cases.GroupBy(c => c.ThemeCodes).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var help = await cases.GroupBy(c => c.HelpGiven).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var answered = await cases.Where(c => c.Channel == Channel.Formulier && c.AnsweredOnTime != null).GroupBy(c => c.AnsweredOnTime!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        // The gemeente is sealed at rest, so it is opened (alone) and counted here rather than in the database.
        var places = gemeenten ? await ConfidentialColumns.OpenAsync(cases, nameof(SupportCase.Gemeente), ct) : [];
        return new Tally(
            await cases.CountAsync(ct),
            Label(channels.Select(c => (CaseLabels.Channel(c.Key), c.Count))),
            Label(roles.Select(r => (CaseLabels.Role(r.Key), r.Count))),
            Label(phases.Select(p => (p.Key == SchoolPhases.None ? "Onbekend" : SchoolPhaseNames.Describe(p.Key), p.Count))),
            [.. CaseLabels.Help.Select(f => new Row(f.Label, help.Where(h => h.Key.HasFlag(f.Value)).Sum(h => h.Count)))],
            Label(outcomes.Select(o => (CaseLabels.Outcome(o.Key), o.Count))),
            Label(places.Select(g => (string.IsNullOrEmpty(g) ? "Onbekend" : g, 1))),
            [.. themes.SelectMany(t => t.Key.IsEmpty ? [(Code: (string?)null, t.Count)] : t.Key.Select(code => (Code: (string?)code, t.Count)))
                .GroupBy(t => t.Code).Select(g => new ThemeRow(g.Key, g.Sum(t => t.Count)))],
            Label(answered.Select(a => (a.Key ? "Op tijd beantwoord" : "Te laat beantwoord", a.Count))));
    }

    private static List<Row> Label(IEnumerable<(string Label, int Count)> counts) =>
        [.. counts.GroupBy(c => c.Label).Select(g => new Row(g.Key, g.Sum(c => c.Count)))];
}
