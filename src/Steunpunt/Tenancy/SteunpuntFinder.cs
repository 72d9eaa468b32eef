using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy.Registers;

namespace Steunpunt.Tenancy;

/// <summary>
/// Helps a parent on the national site find their steunpunt: by gemeente, by the name of the school (with its place,
/// "regenboog tiel"), by postcode (four digits are enough) or by the school's BRIN number. A gemeente or place with a
/// typo is still found. Schools come from DUO's registers, tied to a steunpunt through the code of the SWV it serves;
/// steunpunten still being set up (in oprichting) are not found.
/// </summary>
public sealed partial class SteunpuntFinder(SteunpuntDb db)
{
    public sealed record Match(string Slug, string Name, string Reason);

    private static readonly StringComparer s_dutch = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), true);

    public async Task<IReadOnlyList<Match>> FindAsync(string? query, CancellationToken ct = default)
    {
        var q = (query ?? "").Trim();
        if (q.Length < 2)
        {
            return [];
        }
        q = q.Length > 100 ? q[..100] : q;
        var live = await db.Tenants.AsNoTracking().Where(Tenant.Public).Select(t => new { t.Id, t.Slug, t.Name }).ToDictionaryAsync(t => t.Id, ct);
        // Which steunpunt serves an SWV: its partnerships, across all steunpunten (the finder is the national site's job).
        var bySwv = (await db.Set<Partnership>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking()
                .Where(p => p.Code != null).Select(p => new { p.Code, p.TenantId }).ToListAsync(ct))
            .Where(p => live.ContainsKey(p.TenantId)).GroupBy(p => p.Code!).ToDictionary(g => g.Key, g => g.First().TenantId);
        var matches = new List<Match>();
        void Add(Guid tenantId, string reason)
        {
            if (live.TryGetValue(tenantId, out var t))
            {
                matches.Add(new Match(t.Slug, t.Name, reason));
            }
        }
        void AddSchools(IEnumerable<(string Name, string Place, string Swv)> schools, Func<(string Name, string Place, string Swv), string> reason)
        {
            foreach (var s in schools.Where(s => bySwv.ContainsKey(s.Swv)))
            {
                Add(bySwv[s.Swv], reason(s));
            }
        }

        if (PostcodePattern().Match(q) is { Success: true } postcode)
        {
            var digits = postcode.Groups[1].Value;
            var schools = await Open().Where(s => s.Postcode.StartsWith(digits)).Select(s => new { s.Place, s.SwvCode }).Take(500).ToListAsync(ct);
            AddSchools(schools.Select(s => ("", s.Place, s.SwvCode)), s => $"Scholen in postcodegebied {digits} ({Title(s.Place)})");
        }
        else if (BrinPattern().IsMatch(q))
        {
            var brin = q.ToUpperInvariant();
            var schools = await Open().Where(s => s.Brin == brin).Select(s => new { s.Name, s.Place, s.SwvCode }).Take(50).ToListAsync(ct);
            AddSchools(schools.Select(s => (s.Name, s.Place, s.SwvCode)), s => $"{s.Name} in {Title(s.Place)}");
        }
        else
        {
            var words = Words(q);
            // Gemeenten and places: by name, or with a typo.
            var gemeenten = await db.ServedGemeenten.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking().Select(g => new { g.Name, g.TenantId }).ToListAsync(ct);
            var registerPlaces = await Open().Select(s => new { s.Gemeente, s.SwvCode }).Distinct().ToListAsync(ct);
            // Each name normalised once ("’s-Hertogenbosch" and "s hertogenbosch" are one key), with where it leads.
            var places = gemeenten.Select(g => (Key: Normal(g.Name), Tenant: (Guid?)g.TenantId, Swv: "", Shown: g.Name))
                .Concat(registerPlaces.Where(p => p.Gemeente.Length > 0).Select(p => (Key: Normal(p.Gemeente), Tenant: (Guid?)null, Swv: p.SwvCode, Shown: Title(p.Gemeente))))
                .ToLookup(p => p.Key);
            var typed = Normal(q);
            // The gemeente as typed; else gemeenten that start with it ("zalt" for Zaltbommel); else with a typo.
            var wanted = places.Contains(typed) ? [typed] : new List<string>();
            if (wanted.Count == 0 && typed.Length >= 3)
            {
                wanted = [.. places.Select(p => p.Key).Where(k => k.StartsWith(typed, StringComparison.Ordinal))];
            }
            if (wanted.Count == 0)
            {
                // Only the closest: "gemeentte 017" is Gemeente 017, not also Gemeente 027.
                var close = places.Select(p => (p.Key, Distance: Closeness(p.Key, typed))).Where(n => n.Distance is not null).ToList();
                wanted = [.. close.Where(n => n.Distance == close.Min(c => c.Distance)).Select(n => n.Key)];
            }
            foreach (var place in wanted.SelectMany(k => places[k]))
            {
                if (place.Tenant is { } tenantId)
                {
                    Add(tenantId, "Gemeente " + place.Shown);
                }
                else if (bySwv.TryGetValue(place.Swv, out var served))
                {
                    Add(served, "Gemeente " + place.Shown);
                }
            }
            // Schools: every word in the name or the place ("regenboog tiel").
            if (words.Count > 0)
            {
                var first = "%" + Escape(words.OrderByDescending(w => w.Length).First()) + "%";
#pragma warning disable CA1304, CA1311 // ToLower() inside these queries is translated to SQL lower(); no .NET culture is involved.
                // Every word in the school's name or place, in the database (then once more, without accents, here).
                var candidates = Open();
                foreach (var word in words.Take(5))
                {
                    var like = "%" + Escape(word) + "%";
                    candidates = candidates.Where(s => EF.Functions.Like((s.Name + " " + s.Place).ToLower(), like));
                }
                var schools = await candidates.Select(s => new { s.Name, s.Place, s.SwvCode }).Take(500).ToListAsync(ct);
                var local = await db.Schools.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking()
                    .Where(s => EF.Functions.Like(s.Name.ToLower(), first)).Select(s => new { s.Name, s.Gemeente, s.TenantId }).Take(200).ToListAsync(ct);
                var byName = await db.Tenants.AsNoTracking().Where(Tenant.Public).Where(t => EF.Functions.Like(t.Name.ToLower(), "%" + Escape(q.ToLowerInvariant()) + "%"))
                    .Select(t => t.Id).Take(20).ToListAsync(ct);
#pragma warning restore CA1304, CA1311
                AddSchools(schools.Where(s => words.All(w => Normal(s.Name + " " + s.Place).Contains(w, StringComparison.Ordinal)))
                    .Select(s => (s.Name, s.Place, s.SwvCode)), s => $"{s.Name} in {Title(s.Place)}");
                foreach (var s in local.Where(s => words.All(w => Normal(s.Name + " " + s.Gemeente).Contains(w, StringComparison.Ordinal))))
                {
                    Add(s.TenantId, $"{s.Name} in {s.Gemeente}");
                }
                foreach (var id in byName)
                {
                    Add(id, "Naam van het steunpunt");
                }
            }
        }
        return matches.DistinctBy(m => (m.Slug, m.Reason)).OrderBy(m => m.Name, s_dutch).ThenBy(m => m.Reason, s_dutch).Take(30).ToList();
    }

    /// <summary>Every live steunpunt, with the gemeenten it serves (as the reason), by name.</summary>
    public async Task<IReadOnlyList<Match>> AllAsync(CancellationToken ct = default)
    {
        var tenants = await db.Tenants.AsNoTracking().Where(Tenant.Public).Select(t => new { t.Id, t.Slug, t.Name }).ToListAsync(ct);
        var gemeenten = (await db.ServedGemeenten.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking().Select(g => new { g.TenantId, g.Name }).ToListAsync(ct))
            .ToLookup(g => g.TenantId, g => g.Name);
        return [.. tenants.OrderBy(t => t.Name, s_dutch)
            .Select(t => new Match(t.Slug, t.Name, string.Join(", ", gemeenten[t.Id].Order(s_dutch))))];
    }

    private IQueryable<RegisterSchool> Open() => db.RegisterSchools.AsNoTracking().Where(s => s.ClosedAt == null);

    /// <summary>Lower case, accents and punctuation gone ("’s-Hertogenbosch" and "s hertogenbosch" are the same).</summary>
    private static string Normal(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? c : ' ');
        return string.Join(' ', new string([.. kept]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<string> Words(string query) => [.. Normal(query).Split(' ').Where(w => w.Length >= 2)];

    /// <summary>The number of typos between a name and what was typed, when that is few enough: one in a name of five
    /// letters or more, two in one of nine or more (swapped letters count once); else null.</summary>
    private static int? Closeness(string name, string query)
    {
        if (query.Length < 5 || Math.Abs(name.Length - query.Length) > 2)
        {
            return null;
        }
        var allowed = query.Length >= 9 ? 2 : 1;
        var distance = Typos.Distance(name, query, allowed);
        return distance <= allowed ? distance : null;
    }

    private static string Title(string place) =>
        place.Length > 0 && place.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? CultureInfo.GetCultureInfo("nl-NL").TextInfo.ToTitleCase(place.ToLowerInvariant()) : place;

    private static string Escape(string text) =>
        text.Replace("\\", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^(\d{4})\s*([A-Za-z]{2})?$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^\d{2}[A-Za-z]{2}$")]
    private static partial Regex BrinPattern();
}
