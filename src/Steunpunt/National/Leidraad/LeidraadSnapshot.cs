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
