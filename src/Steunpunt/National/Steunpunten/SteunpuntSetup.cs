using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;

namespace Steunpunt.National.Steunpunten;

/// <summary>
/// Creating and changing a steunpunt: its name, address in the installation (slug, host names), contact details, the
/// SWVs it serves and its gemeenten. A new steunpunt starts in oprichting. Checks give plain-Dutch messages per field.
/// </summary>
public sealed partial class SteunpuntSetup(SteunpuntDb db, TenantDirectory directory, EndpointDataSource endpoints, IWebHostEnvironment environment,
    Web.PublicAddress publicAddress, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache)
{
    public sealed class Input
    {
        public string? Name { get; set; }
        public string? Slug { get; set; }
        public string? Hosts { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Address { get; set; }
        /// <summary>One SWV per line: "PO 30.02; Samenwerkingsverband …".</summary>
        public string? Partnerships { get; set; }
        /// <summary>One gemeente per line.</summary>
        public string? Gemeenten { get; set; }
    }

    /// <summary>A problem with one field: the field's name in <see cref="Input"/> and the message.</summary>
    public sealed record Problem(string Field, string Message);

    public sealed record SwvLine(string Code, string Name, Sector Sector);

    /// <summary>Makes a steunpunt in oprichting; returns its id, or the problems.</summary>
    public async Task<(Guid? Id, IReadOnlyList<Problem> Problems)> CreateAsync(Input input, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var slug = (input.Slug ?? "").Trim().ToLowerInvariant();
        if (!SlugPattern().IsMatch(slug))
        {
            problems.Add(new(nameof(Input.Slug), "Kies een korte naam voor in het adres: 2 tot 60 kleine letters, cijfers en streepjes, bijvoorbeeld ‘west-brabant’."));
        }
        else if (Reserved().Contains(slug))
        {
            problems.Add(new(nameof(Input.Slug), $"‘{slug}’ is al een deel van de website. Kies een andere naam voor in het adres."));
        }
        else if (await db.Tenants.AnyAsync(t => t.Slug == slug, ct))
        {
            problems.Add(new(nameof(Input.Slug), $"Er is al een steunpunt met ‘{slug}’ in het adres. Kies een andere."));
        }
        var tenant = new Tenant { Slug = slug, Name = "", InOprichting = true };
        problems.AddRange(await ApplyAsync(tenant, input, ct));
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(ct);
        return (tenant.Id, []);
    }

    /// <summary>Changes a steunpunt's details. SWVs are added or renamed by code, never removed here (board accounts
    /// and signals point at them); gemeenten are replaced.</summary>
    public async Task<IReadOnlyList<Problem>?> UpdateAsync(Guid id, Input input, CancellationToken ct)
    {
        var tenant = await WithRegion(db.Tenants).SingleOrDefaultAsync(t => t.Id == id && t.RemovedAt == null, ct);
        if (tenant is null)
        {
            return null;
        }
        var problems = await ApplyAsync(tenant, input, ct);
        if (problems.Count > 0)
        {
            return problems;
        }
        await db.SaveChangesAsync(ct);
        await ChangedAsync(ct);
        return [];
    }

    /// <summary>Steunpunten with their SWVs and gemeenten. Landelijk beheer works on every steunpunt from the national
    /// site, so the steunpunt filter (which would show none) is lifted for these two, and only here.</summary>
    public static IQueryable<Tenant> WithRegion(IQueryable<Tenant> tenants) =>
        tenants.Include(t => t.Partnerships).Include(t => t.Gemeenten).AsSplitQuery().IgnoreQueryFilters([SteunpuntDb.TenantFilter]);

    /// <summary>After a steunpunt changed: the list of steunpunten is read again (cached pages vary by it on every
    /// instance), and this instance drops its cached pages at once (gemeenten and SWVs feed the finder too).</summary>
    public async Task ChangedAsync(CancellationToken ct)
    {
        directory.Invalidate();
        await cache.EvictByTagAsync(Web.WebFeature.ContentTag, ct);
    }

    /// <summary>The form as it was saved, to edit.</summary>
    public static Input From(Tenant t) => new()
    {
        Name = t.Name,
        Slug = t.Slug,
        Hosts = t.Hosts,
        Phone = t.Phone,
        Email = t.Email,
        Address = t.Address,
        Partnerships = string.Join('\n', t.Partnerships.OrderBy(p => p.Sector).ThenBy(p => p.Code).Select(p => $"{p.Code}; {p.Name}")),
        Gemeenten = string.Join('\n', t.Gemeenten.OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => g.Name)),
    };

    private async Task<List<Problem>> ApplyAsync(Tenant tenant, Input input, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var name = Web.FormGuard.Clean(input.Name);
        if (name.Length is < 3 or > 200)
        {
            problems.Add(new(nameof(Input.Name), "Vul de naam van het steunpunt in (3 tot 200 tekens)."));
        }
        var hosts = (input.Hosts ?? "").Split([' ', ',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant()).Distinct().ToList();
        if (hosts.FirstOrDefault(h => !HostPattern().IsMatch(h)) is { } badHost)
        {
            problems.Add(new(nameof(Input.Hosts), $"‘{badHost}’ is geen domeinnaam. Schrijf bijvoorbeeld ‘steunpuntwestbrabant.nl’, zonder https://."));
        }
        else if (hosts.FirstOrDefault(publicAddress.IsInstallationHost) is { } own)
        {
            problems.Add(new(nameof(Input.Hosts), $"‘{own}’ is het adres van deze hele website, niet van één steunpunt."));
        }
        else if (string.Join(' ', hosts).Length > 500)
        {
            problems.Add(new(nameof(Input.Hosts), "Dat zijn te veel domeinnamen. Houd het bij een paar."));
        }
        else if (hosts.Count > 0)
        {
            var taken = (await db.Tenants.AsNoTracking().Where(t => t.Id != tenant.Id && t.Hosts != null).Select(t => t.Hosts!).ToListAsync(ct))
                .SelectMany(h => new Tenant { Slug = "", Name = "", Hosts = h }.HostNames()).ToHashSet();
            if (hosts.FirstOrDefault(taken.Contains) is { } used)
            {
                problems.Add(new(nameof(Input.Hosts), $"‘{used}’ hoort al bij een ander steunpunt."));
            }
        }
        var email = (input.Email ?? "").Trim();
        if (email.Length > 0 && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            problems.Add(new(nameof(Input.Email), "Dit is geen geldig e-mailadres."));
        }
        var phone = (input.Phone ?? "").Trim();
        if (phone.Length > 30)
        {
            problems.Add(new(nameof(Input.Phone), "Het telefoonnummer is te lang."));
        }
        var register = await db.RegisterSwvs.AsNoTracking().Where(s => s.ClosedAt == null).ToDictionaryAsync(s => s.Code, s => s.Name, ct);
        var (swvs, swvProblem) = ParsePartnerships(input.Partnerships, register);
        if (swvProblem is not null)
        {
            problems.Add(new(nameof(Input.Partnerships), swvProblem));
        }
        else if (swvs.Select(s => s.Code).ToList() is { Count: > 0 } codes
            && await db.Set<Partnership>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(p => p.TenantId != tenant.Id && p.Code != null && codes.Contains(p.Code))
                .Select(p => p.Code).FirstOrDefaultAsync(ct) is { } taken)
        {
            problems.Add(new(nameof(Input.Partnerships), $"{taken} hoort al bij een ander steunpunt. Een samenwerkingsverband heeft één steunpunt."));
        }
        else if (swvs.Count == 0 && tenant.Partnerships.Count == 0)
        {
            problems.Add(new(nameof(Input.Partnerships), "Vul minstens één samenwerkingsverband in, zo: ‘PO 30.02; Samenwerkingsverband Rivierenland PO’."));
        }
        var gemeenten = (input.Gemeenten ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (gemeenten.Count == 0 && swvs.Count > 0)
        {
            // Left empty: the gemeenten where the SWVs' schools are, from DUO's register.
            var codes = swvs.Select(s => s.Code).ToList();
            gemeenten = [.. (await db.RegisterSchools.AsNoTracking().Where(s => s.ClosedAt == null && codes.Contains(s.SwvCode) && s.Gemeente != "")
                .Select(s => s.Gemeente).Distinct().ToListAsync(ct)).Order(StringComparer.Ordinal)];
        }
        if (gemeenten.FirstOrDefault(g => g.Length > 100) is not null)
        {
            problems.Add(new(nameof(Input.Gemeenten), "Een gemeente heeft een te lange naam. Zet elke gemeente op een eigen regel."));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        (tenant.Name, tenant.Hosts, tenant.Phone, tenant.Email) = (name, hosts.Count > 0 ? string.Join(' ', hosts) : null, phone.Length > 0 ? phone : null, email.Length > 0 ? email : null);
        tenant.Address = (input.Address ?? "").Trim() is { Length: > 0 } address ? address : null;
        foreach (var swv in swvs)
        {
            if (tenant.Partnerships.FirstOrDefault(p => p.Code == swv.Code) is { } known)
            {
                known.Name = swv.Name;
            }
            else
            {
                tenant.Partnerships.Add(new Partnership { Code = swv.Code, Name = swv.Name, Sector = swv.Sector });
            }
        }
        var keep = tenant.Gemeenten.Where(g => gemeenten.Contains(g.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var gone in tenant.Gemeenten.Except(keep).ToList())
        {
            tenant.Gemeenten.Remove(gone);
            db.Remove(gone);
        }
        tenant.Gemeenten.AddRange(gemeenten.Where(g => !keep.Any(k => string.Equals(k.Name, g, StringComparison.OrdinalIgnoreCase)))
            .Select(g => new ServedGemeente { Name = g }));
        return problems;
    }

    /// <summary>"PO 30.02; Samenwerkingsverband Rivierenland PO", one per line; the code alone when DUO's register knows
    /// it (its name comes from there). The code says the sector.</summary>
    public static (IReadOnlyList<SwvLine> Lines, string? Problem) ParsePartnerships(string? text, IReadOnlyDictionary<string, string> register)
    {
        var lines = new List<SwvLine>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var parts = line.Split(';', 2, StringSplitOptions.TrimEntries);
            var normal = Registers.RegisterFile.NormalSwvCode(parts[0]);
            var name = parts.Length == 2 ? parts[1] : normal is not null && register.TryGetValue(normal, out var known) ? known : "";
            if (normal is null || name.Length is < 3 or > 200)
            {
                return ([], $"Regel {number} klopt niet: ‘{(line.Length > 60 ? line[..60] + "…" : line)}’. Schrijf de code, een puntkomma en de naam, zo: ‘PO 30.02; Samenwerkingsverband Rivierenland PO’. Staat het samenwerkingsverband in het register van DUO, dan is de code genoeg.");
            }
            if (lines.Any(l => l.Code == normal))
            {
                return ([], $"Regel {number}: {normal} staat er twee keer in.");
            }
            lines.Add(new SwvLine(normal, name, Registers.RegisterFile.SectorOfCode(normal)));
        }
        return (lines, null);
    }

    /// <summary>First path segments the app itself uses (its pages, endpoints and static folders): no steunpunt may
    /// take one, or it would hide a national page.</summary>
    public IReadOnlySet<string> Reserved()
    {
        var segments = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.Count > 0 ? e.RoutePattern.PathSegments[0] : null)
            .Where(s => s is { IsSimple: true } && s.Parts[0] is RoutePatternLiteralPart)
            .Select(s => ((RoutePatternLiteralPart)s!.Parts[0]).Content.ToLowerInvariant());
        var files = environment.WebRootFileProvider.GetDirectoryContents("").Select(f => f.Name.ToLowerInvariant());
        return segments.Concat(files).ToHashSet();
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex HostPattern();

}
