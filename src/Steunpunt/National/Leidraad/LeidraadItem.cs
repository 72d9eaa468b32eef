using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Leidraad;

public enum LeidraadStatus { NogNiet, Deels, OpOrde }

/// <summary>A steunpunt's own assessment of one item of the leidraad: how far it is, and what shows it.</summary>
public sealed class LeidraadItem : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary>"A1" … "A17".</summary>
    public required string Code { get; set; }
    public LeidraadStatus Status { get; set; }
    /// <summary>A link, the name of a document, or a note.</summary>
    public string Evidence { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class LeidraadItemConfiguration : IEntityTypeConfiguration<LeidraadItem>
{
    public void Configure(EntityTypeBuilder<LeidraadItem> b)
    {
        b.ToTable("LeidraadItems");
        b.HasIndex(i => new { i.TenantId, i.Code }).IsUnique();
        b.Property(i => i.Code).HasMaxLength(3);
        b.Property(i => i.Evidence).HasMaxLength(2000);
        b.Property(i => i.UpdatedBy).HasMaxLength(200);
    }
}
