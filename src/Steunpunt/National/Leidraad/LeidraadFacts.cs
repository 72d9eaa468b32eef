using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Questions.Surface;
using Steunpunt.Signals.Surface;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;

namespace Steunpunt.National.Leidraad;

/// <summary>
/// The items of the leidraad the app can answer itself, from what it knows: published channels and hours, the reply
/// promise and how often it was met, asking without a name, youth pages, the signalling cycle of this school year,
/// pages and the sociale kaart checked in the last 12 months, and reach. Computed when read, so always current, for
/// one steunpunt (its checklist) or all of them at once (the national monitor). Reads the pillars only through their
/// surfaces.
/// </summary>
public sealed class LeidraadFacts(SteunpuntDb db, CaseCounts cases, PublishedInformation information, SignalCycle signals,
    PanelParticipation panels, TimeProvider clock)
{
    /// <summary>The items whose status the app sets, from the steunpunt's own data. For the other items it knows
    /// something about (<see cref="Assessment.Items"/>: A5, A9, A10, A11) it shows what it knows, and the coordinator
    /// decides: those items also need what the app cannot see (a B1 review, an anonymous story channel in use, an age
    /// range stated, a klankbordgroep that meets outside the app).</summary>
    public static readonly IReadOnlySet<string> Automatic = new HashSet<string>(["A7", "A8", "A13", "A14", "A17"]);

    /// <summary>A reply promise counts as kept when at least this share of form questions was answered on time.</summary>
    public const double PromiseKept = 0.9;

    /// <summary>What the app knows of one item.</summary>
    public sealed record Known(LeidraadStatus Status, string Evidence);

    /// <summary>One steunpunt's figures: the items the app fills in, and its contacts of the last 12 months per sector.</summary>
    public sealed record Assessment(IReadOnlyDictionary<string, Known> Items, IReadOnlyDictionary<Sector, CaseCounts.Reach> ReachBySector)
    {
        public CaseCounts.Reach Reach => ReachBySector.Values.Aggregate(CaseCounts.Reach.None, (a, b) => a + b);
    }

    public async Task<IReadOnlyDictionary<Guid, Assessment>> AssessAsync(IReadOnlyCollection<Guid> steunpunten, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = WorkingDays.DutchDate(now);
        var ids = steunpunten.Distinct().ToList();
        var tenants = await db.Tenants.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        // Read across steunpunten on purpose (the monitor asks for all of them); the tenant filter would hide them.
        var swvCodes = (await db.Set<Partnership>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking()
            .Where(p => ids.Contains(p.TenantId) && p.Code != null).Select(p => new { p.TenantId, p.Code }).ToListAsync(ct))
            .ToLookup(p => p.TenantId, p => p.Code!);
        var codes = swvCodes.SelectMany(c => c).Distinct().ToList();
        var pupils = await db.RegisterSchools.AsNoTracking().Where(s => s.ClosedAt == null && codes.Contains(s.SwvCode) && s.Pupils != null)
            .GroupBy(s => s.SwvCode).Select(g => new { g.Key, Pupils = g.Sum(s => s.Pupils!.Value) }).ToDictionaryAsync(g => g.Key, g => g.Pupils, ct);
        var reach = await cases.PerSteunpuntAsync(now.AddYears(-1), now, ids, ct);
        var info = await information.PerSteunpuntAsync(ids, today, ct);
        var cycle = await signals.PerSteunpuntAsync(ids, SchoolYear.Of(today).StartsAt, ct);
        var participation = await panels.PerSteunpuntAsync(ids, SchoolYear.Of(today), ct);
        return tenants.ToDictionary(t => t.Id, t =>
        {
            var bySector = reach.Where(r => r.Key.Steunpunt == t.Id).ToDictionary(r => r.Key.Sector, r => r.Value);
            var total = bySector.Values.Aggregate(CaseCounts.Reach.None, (a, b) => a + b);
            var pupilCount = swvCodes[t.Id].Sum(code => pupils.GetValueOrDefault(code));
            return new Assessment(Items(t, total, pupilCount, info.GetValueOrDefault(t.Id) ?? PublishedInformation.Facts.None,
                cycle.GetValueOrDefault(t.Id) ?? SignalCycle.Cycle.None, participation.GetValueOrDefault(t.Id) ?? PanelParticipation.Facts.None, today), bySector);
        });
    }

    public async Task<Assessment> AssessAsync(Guid steunpunt, CancellationToken ct = default) =>
        (await AssessAsync([steunpunt], ct))[steunpunt];

    /// <summary>Contacts per 1 000 pupils, or null when the pupil count is unknown.</summary>
    public static double? PerThousand(int contacts, int pupils) => pupils > 0 ? contacts * 1000.0 / pupils : null;

    private static Dictionary<string, Known> Items(Tenant t, CaseCounts.Reach reach, int pupils, PublishedInformation.Facts info,
        SignalCycle.Cycle cycle, PanelParticipation.Facts panel, DateOnly today)
    {
        var items = new Dictionary<string, Known>();

        var shown = info.Articles + info.Pages;
        var checkedCount = info.ArticlesChecked + info.PagesChecked;
        items["A5"] = new(Share(checkedCount, shown),
            $"{checkedCount} van de {shown} pagina's {(checkedCount == 1 ? "is" : "zijn")} in de afgelopen 12 maanden gecontroleerd. Of de teksten op B1-niveau zijn, toetst u zelf.");

        var channels = new List<string> { "vraagformulier" };
        if (!string.IsNullOrWhiteSpace(t.Phone))
        {
            channels.Add("telefoon");
        }
        if (!string.IsNullOrWhiteSpace(t.Email))
        {
            channels.Add("e-mail");
        }
        items["A7"] = new(channels.Count >= 2 && info.OpeningHours > 0 ? LeidraadStatus.OpOrde : LeidraadStatus.Deels,
            $"Bereikbaar via {Joined(channels)}. "
            + (info.OpeningHours > 0 ? "Openingstijden staan op de website. " : "Er staan nog geen openingstijden op de website. ")
            + (info.ClosuresAhead > 0 ? $"Sluitingen gepland: {info.ClosuresAhead}." : "Er is geen sluiting gepland."));

        var answered = reach.OnTime + reach.Late;
        items["A8"] = answered == 0
            ? new(LeidraadStatus.Deels, $"Op de website staat: antwoord binnen {t.ReplyWorkingDays} werkdagen. In de afgelopen 12 maanden is nog geen vraag van het formulier beantwoord.")
            : new(reach.OnTime >= PromiseKept * answered ? LeidraadStatus.OpOrde : LeidraadStatus.Deels,
                $"Op de website staat: antwoord binnen {t.ReplyWorkingDays} werkdagen. Afgelopen 12 maanden op tijd: {reach.OnTime} van {answered} ({Percent(reach.OnTime, answered)}).");

        items["A9"] = new(LeidraadStatus.OpOrde,
            $"Een vraag stellen kan zonder naam: het antwoord komt dan via een persoonlijke link. Een ervaring vertellen kan ook zonder naam. Afgelopen 12 maanden: {Count(reach.WithoutName, "vraag", "vragen")} zonder naam.");

        items["A10"] = new(info.YouthArticles > 0 ? LeidraadStatus.OpOrde : LeidraadStatus.NogNiet,
            $"{Count(info.YouthArticles, "pagina", "pagina's")} voor jongeren. Jongeren kunnen zelf een vraag stellen. Afgelopen 12 maanden: {Count(reach.Youth, "contact", "contacten")} met jongeren.");

        var year = SchoolYear.Of(today);
        items["A11"] = new(
            panel.Meetings > 0 && panel.Changes > 0 ? LeidraadStatus.OpOrde
            : panel.Meetings > 0 || panel.Members > 0 ? LeidraadStatus.Deels : LeidraadStatus.NogNiet,
            $"Schooljaar {year}: {Count(panel.Meetings, "bijeenkomst", "bijeenkomsten")} van de klankbordgroep en het jongerenpanel. "
            + $"Leden die meelazen in de app: {panel.Members}. Teksten met reacties: {panel.DraftsReviewed}. "
            + $"Reacties die een tekst veranderden: {panel.Changes}.");

        items["A13"] = new(
            cycle.Reports > 0 && cycle.FeedbackPublished > 0 ? LeidraadStatus.OpOrde
            : cycle.Reports > 0 || cycle.FeedbackPublished > 0 ? LeidraadStatus.Deels : LeidraadStatus.NogNiet,
            (cycle.LastReport is { } last
                ? $"Schooljaar {year}: {Count(cycle.Reports, "signalenrapportage", "signalenrapportages")} naar het bestuur, de laatste op {Dutch.Date(WorkingDays.DutchDate(last))}. "
                : $"Schooljaar {year}: nog geen signalenrapportage naar het bestuur. ")
            + $"Teruggekoppeld op de website (jullie zeiden, wij deden): {cycle.FeedbackPublished}.");

        items["A14"] = new(info.Organisations == 0 ? LeidraadStatus.NogNiet : Share(info.OrganisationsChecked, info.Organisations),
            $"De sociale kaart heeft {Count(info.Organisations, "organisatie", "organisaties")}; {info.OrganisationsChecked} daarvan {(info.OrganisationsChecked == 1 ? "is" : "zijn")} in de afgelopen 12 maanden gecontroleerd.");

        var perThousand = PerThousand(reach.Contacts, pupils);
        items["A17"] = new(
            // Reach is measured once there are enough contacts to say something (as in the monitor) and pupils to divide by.
            reach.Contacts >= Monitor.NationalMonitor.SmallCount && perThousand is not null ? LeidraadStatus.OpOrde
            : reach.Contacts > 0 ? LeidraadStatus.Deels : LeidraadStatus.NogNiet,
            $"Afgelopen 12 maanden: {Count(reach.Contacts, "contact", "contacten")}"
            + (perThousand is { } r ? $", {r.ToString("0.0", Dutch.Culture)} per 1.000 leerlingen ({pupils.ToString("N0", Dutch.Culture)} leerlingen volgens DUO)" : ", het aantal leerlingen is niet bekend")
            + (reach.Contacts > 0 ? $". Van jongeren: {Percent(reach.Youth, reach.Contacts)}." : ".")
            + " De taal van een contact wordt niet vastgelegd.");
        return items;
    }

    private static string Count(int n, string one, string more) => $"{n.ToString("N0", Dutch.Culture)} {(n == 1 ? one : more)}";

    private static LeidraadStatus Share(int done, int of) =>
        of > 0 && done == of ? LeidraadStatus.OpOrde : done > 0 ? LeidraadStatus.Deels : LeidraadStatus.NogNiet;

    private static string Percent(int part, int whole) => $"{Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero)}%";

    private static string Joined(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " en " + parts[^1];
}
