using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Tenancy;

/// <summary>A school in the region; used by the finder ("zoek op naam van de school").</summary>
public sealed class School : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required string Gemeente { get; set; }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b) => b.Property(p => p.Name).HasMaxLength(200);
}
