using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Leidraad;

/// <summary>A step in a plan, with the date it is meant to be done by, and when it was.</summary>
public sealed class PlanMilestone : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PlanId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}

internal sealed class PlanMilestoneConfiguration : IEntityTypeConfiguration<PlanMilestone>
{
    public void Configure(EntityTypeBuilder<PlanMilestone> b)
    {
        b.ToTable("PlanMilestones");
        b.Property(m => m.Title).HasMaxLength(300);
    }
}
