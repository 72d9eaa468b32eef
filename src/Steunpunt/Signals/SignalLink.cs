using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.Signals;

/// <summary>A case or a story that shows the signal.</summary>
public sealed class SignalLink : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SignalId { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? StoryId { get; set; }
}

internal sealed class SignalLinkConfiguration : IEntityTypeConfiguration<SignalLink>
{
    public void Configure(EntityTypeBuilder<SignalLink> b)
    {
        b.ToTable("SignalLinks");
        b.HasIndex(l => new { l.SignalId, l.CaseId }).IsUnique();
        b.HasIndex(l => new { l.SignalId, l.StoryId }).IsUnique();
    }
}
