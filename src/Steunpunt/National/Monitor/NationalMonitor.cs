using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.National.Leidraad;
using Steunpunt.Signals.Surface;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;

namespace Steunpunt.National.Monitor;

/// <summary>
/// The national monitor: per SWV whether it has a functioning steunpunt, how far that steunpunt is with the leidraad,
/// its reach and reply times over the last 12 months, and whether a signal report reached the board this school year.
/// Aggregates only: the figures come from the pillars' surfaces, and counts from 1 to <see cref="SmallCount"/> - 1 are
/// shown as "&lt;5", as in the board report, so no single contact can be picked out.
/// </summary>
public sealed class NationalMonitor(SteunpuntDb db, LeidraadFacts facts, SignalCycle signals, TimeProvider clock)
{
    /// <summary>Counts below this are not shown, and no rate is worked out from them.</summary>
    public const int SmallCount = 5;

    public enum State { Functionerend, InOprichting, Geen }

    public sealed record Row(string Code, string Name, Sector Sector, string Province, string? Steunpunt, State State,
        int? LeidraadOpOrde, string Contacts, string PerThousand, string OnTime, DateOnly? LastReport);

    public sealed record ProvinceTile(string Name, int Column, int Line, int Swvs, int Functioning);

    public sealed record Result(SchoolYear Year, IReadOnlyList<Row> Rows, IReadOnlyList<ProvinceTile> Provinces)
    {
        public int Functioning => Rows.Count(r => r.State == State.Functionerend);
    }

    /// <summary>The provinces by the number in an SWV's code ("PO 30.02": 30), placed on a rough grid of the country.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, int Column, int Line)> Provinces = new Dictionary<string, (string, int, int)>
    {
        ["20"] = ("Groningen", 2, 0),
        ["21"] = ("Friesland", 1, 0),
        ["22"] = ("Drenthe", 2, 1),
        ["23"] = ("Overijssel", 2, 2),
        ["24"] = ("Flevoland", 1, 1),
        ["25"] = ("Gelderland", 2, 3),
        ["26"] = ("Utrecht", 1, 2),
        ["27"] = ("Noord-Holland", 0, 1),
        ["28"] = ("Zuid-Holland", 0, 2),
        ["29"] = ("Zeeland", 0, 3),
        ["30"] = ("Noord-Brabant", 1, 3),
        ["31"] = ("Limburg", 2, 4),
    };

    public const string Unknown = "Provincie onbekend";

    public static string ProvinceOf(string code) =>
        code.Length >= 5 && Provinces.TryGetValue(code.Substring(3, 2), out var p) ? p.Name : Unknown;

    public async Task<Result> ComputeAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var year = SchoolYear.Of(now);
        var register = await db.RegisterSwvs.AsNoTracking().Where(s => s.ClosedAt == null)
            .Select(s => new { s.Code, s.Name, s.Sector }).ToListAsync(ct);
        var pupils = await db.RegisterSchools.AsNoTracking().Where(s => s.ClosedAt == null && s.Pupils != null)
            .GroupBy(s => s.SwvCode).Select(g => new { g.Key, Pupils = g.Sum(s => s.Pupils!.Value) }).ToDictionaryAsync(g => g.Key, g => g.Pupils, ct);
        var tenants = await db.Tenants.AsNoTracking().Where(t => t.RemovedAt == null).Select(t => new { t.Id, t.Name, t.InOprichting }).ToDictionaryAsync(t => t.Id, ct);
        var ids = tenants.Keys.ToList();
        var partnerships = await db.Set<Partnership>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking()
            .Where(p => ids.Contains(p.TenantId)).Select(p => new { p.Id, p.TenantId, p.Code, p.Name, p.Sector }).ToListAsync(ct);
        var assessed = await facts.AssessAsync(ids, ct);
        var saved = (await db.Set<LeidraadItem>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking().ToListAsync(ct))
            .GroupBy(i => i.TenantId).ToDictionary(g => g.Key, g => g.ToDictionary(i => i.Code));
        var reports = await signals.LastReportPerSwvAsync(year.StartsAt, ct);
        var perTenant = partnerships.GroupBy(p => p.TenantId).ToDictionary(g => g.Key, g => g.Count());

        var rows = new List<Row>();
        var served = partnerships.Where(p => p.Code != null).GroupBy(p => p.Code!).ToDictionary(g => g.Key, g => g.First());
        // Every SWV in DUO's register, plus those a steunpunt serves that the register does not (yet) list.
        var listed = register.Select(r => r.Code).ToHashSet();
        var swvs = register.Select(r => new Swv(r.Code, r.Name, r.Sector, null))
            .Concat(partnerships.Where(p => p.Code == null || !listed.Contains(p.Code)).Select(p => new Swv(p.Code ?? "", p.Name, p.Sector, p.Id)))
            .OrderBy(s => s.Code, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal);
        foreach (var swv in swvs)
        {
            var partnership = swv.Partnership is { } own ? partnerships.First(p => p.Id == own) : served.GetValueOrDefault(swv.Code);
            if (partnership is null || !tenants.TryGetValue(partnership.TenantId, out var tenant))
            {
                rows.Add(new Row(swv.Code, swv.Name, swv.Sector, ProvinceOf(swv.Code), null, State.Geen, null, "", "", "", null));
                continue;
            }
            var assessment = assessed[tenant.Id];
            var opOrde = Leidraad.Leidraad.Combine(saved.GetValueOrDefault(tenant.Id) ?? [], assessment).Count(s => s.Value == LeidraadStatus.OpOrde);
            // A steunpunt serving one SWV reports all its contacts to it; one serving several splits them by sector,
            // with contacts of unknown sector counted for each (as the board report does).
            var reach = perTenant[tenant.Id] == 1 ? assessment.Reach
                : assessment.ReachBySector.Where(r => r.Key == swv.Sector || r.Key == Sector.Onbekend)
                    .Aggregate(Questions.Surface.CaseCounts.Reach.None, (a, b) => a + b.Value);
            var answered = reach.OnTime + reach.Late;
            var perThousand = reach.Contacts >= SmallCount ? LeidraadFacts.PerThousand(reach.Contacts, pupils.GetValueOrDefault(swv.Code)) : null;
            rows.Add(new Row(swv.Code, swv.Name, swv.Sector, ProvinceOf(swv.Code), tenant.Name,
                tenant.InOprichting ? State.InOprichting : State.Functionerend, opOrde,
                Small(reach.Contacts),
                perThousand is { } r ? r.ToString("0.0", Dutch.Culture) : "",
                answered >= SmallCount ? $"{Math.Round(100.0 * reach.OnTime / answered, MidpointRounding.AwayFromZero)}%" : answered > 0 ? "te weinig" : "",
                reports.TryGetValue(partnership.Id, out var last) ? WorkingDays.DutchDate(last) : null));
        }
        var tiles = Provinces.Values.Select(p => new ProvinceTile(p.Name, p.Column, p.Line,
            rows.Count(r => r.Province == p.Name), rows.Count(r => r.Province == p.Name && r.State == State.Functionerend))).ToList();
        // SWVs whose code names no province (an own code, or none) are not lost: they get a row without a tile.
        if (rows.Count(r => r.Province == Unknown) is > 0 and var unknown)
        {
            tiles.Add(new ProvinceTile(Unknown, -1, -1, unknown, rows.Count(r => r.Province == Unknown && r.State == State.Functionerend)));
        }
        return new Result(year, rows, tiles);
    }

    private sealed record Swv(string Code, string Name, Sector Sector, Guid? Partnership);

    /// <summary>A count as published: 0, at least <see cref="SmallCount"/>, or "&lt;5".</summary>
    public static string Small(int count) =>
        count == 0 ? "0" : count < SmallCount ? $"<{SmallCount}" : count.ToString("N0", Dutch.Culture);

    public static string StateName(State state) => state switch
    {
        State.Functionerend => "werkt",
        State.InOprichting => "in oprichting",
        _ => "geen steunpunt",
    };

    /// <summary>The table as CSV for a spreadsheet: semicolons, UTF-8 with a byte order mark, and no cell that a
    /// spreadsheet would run as a formula.</summary>
    public static byte[] Csv(Result result)
    {
        var b = new StringBuilder();
        Line(b, ["SWV-code", "Samenwerkingsverband", "Sector", "Provincie", "Steunpunt", "Stand", "Leidraad op orde (van 17)",
            "Contacten 12 maanden", "Contacten per 1000 leerlingen", "Op tijd beantwoord", $"Signalenrapportage schooljaar {result.Year.Label}"]);
        foreach (var r in result.Rows)
        {
            Line(b, [r.Code, r.Name, r.Sector.ToString(), r.Province, r.Steunpunt ?? "", StateName(r.State),
                r.LeidraadOpOrde?.ToString(CultureInfo.InvariantCulture) ?? "", r.Contacts, r.PerThousand, r.OnTime,
                r.LastReport?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "nee"]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(b.ToString())];

        static void Line(StringBuilder b, string[] cells) =>
            b.AppendJoin(';', cells.Select(Cell)).Append("\r\n");

        static string Cell(string value)
        {
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }
            return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        }
    }
}
