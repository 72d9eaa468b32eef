using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Tenancy;

/// <summary>A samenwerkingsverband passend onderwijs (SWV) that this steunpunt serves.</summary>
public sealed class Partnership : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>Official number, e.g. "PO 30.02".</summary>
    public string? Code { get; set; }
    public required Sector Sector { get; set; }
}

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Sector).HasConversion(Sectors.Stored);
    }
}
