using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Tenancy.Registers;

/// <summary>A samenwerkingsverband passend onderwijs as DUO publishes it: national, one row per code.</summary>
public sealed class RegisterSwv
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>"PO 30.02" or "VO 30.02".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Sector Sector { get; set; }
    public string Place { get; set; } = "";
    /// <summary>Set when a later import no longer lists it.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class RegisterSwvConfiguration : IEntityTypeConfiguration<RegisterSwv>
{
    public void Configure(EntityTypeBuilder<RegisterSwv> b)
    {
        b.ToTable("RegisterSwvs");
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Code).HasMaxLength(8);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Place).HasMaxLength(100);
        b.Property(s => s.Sector).HasConversion(Sectors.Stored).HasMaxLength(2);
    }
}
