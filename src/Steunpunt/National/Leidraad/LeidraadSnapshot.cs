using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Leidraad;

/// <summary>
/// The checklist as it stood in a school year: one row per steunpunt and school year, rewritten at every save during
/// that year, so once the year is over it keeps how far the steunpunt got, to compare with the next year.
/// </summary>
public sealed class LeidraadSnapshot : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary>The first calendar year of the school year (2026 for 2026-2027).</summary>
    public int SchoolYear { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    /// <summary>"A1=OpOrde;A2=Deels;…" for every item.</summary>
    public string Statuses { get; set; } = "";

    public static string Write(IEnumerable<KeyValuePair<string, LeidraadStatus>> statuses) =>
        string.Join(';', statuses.Select(s => $"{s.Key}={s.Value}"));

    /// <summary>Writes one steunpunt's snapshot of a school year: made or rewritten. Another writer may have made it
    /// just now (the daily keeper and a save, or a second instance): then it is rewritten instead.</summary>
    public static async Task SaveAsync(Data.SteunpuntDb db, Guid tenantId, int schoolYear, string statuses, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.Set<LeidraadSnapshot>().IgnoreQueryFilters([Data.SteunpuntDb.TenantFilter])
                .SingleOrDefaultAsync(s => s.TenantId == tenantId && s.SchoolYear == schoolYear, ct);
            if (row is null)
            {
                row = new LeidraadSnapshot { TenantId = tenantId, SchoolYear = schoolYear };
                db.Set<LeidraadSnapshot>().Add(row);
            }
            (row.TakenAt, row.Statuses) = (now, statuses);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.Entry(row).State = EntityState.Detached; // someone else made it meanwhile: read it and rewrite it
            }
        }
    }

    public IReadOnlyDictionary<string, LeidraadStatus> Read() =>
        Statuses.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && Enum.TryParse<LeidraadStatus>(p[1], out _))
            .ToDictionary(p => p[0], p => Enum.Parse<LeidraadStatus>(p[1]));
}

internal sealed class LeidraadSnapshotConfiguration : IEntityTypeConfiguration<LeidraadSnapshot>
{
    public void Configure(EntityTypeBuilder<LeidraadSnapshot> b)
    {
        b.ToTable("LeidraadSnapshots");
        b.HasIndex(s => new { s.TenantId, s.SchoolYear }).IsUnique();
        b.Property(s => s.Statuses).HasMaxLength(500);
    }
}
