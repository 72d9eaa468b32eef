using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Tenancy;

/// <summary>A gemeente in the steunpunt's region; used by the finder on the national site.</summary>
public sealed class ServedGemeente : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
}

internal sealed class ServedGemeenteConfiguration : IEntityTypeConfiguration<ServedGemeente>
{
    public void Configure(EntityTypeBuilder<ServedGemeente> b) => b.Property(p => p.Name).HasMaxLength(100);
}
