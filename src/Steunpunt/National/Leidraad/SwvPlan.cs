using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Leidraad;

/// <summary>The two functions the leidraad asks each SWV to have a concrete plan for.</summary>
public enum PlanFunction { Steunen, Signaleren }

/// <summary>An SWV's plan for steunen or signaleren: what it will do, and the milestones on the way.</summary>
public sealed class SwvPlan : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PartnershipId { get; set; }
    public PlanFunction Function { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public List<PlanMilestone> Milestones { get; set; } = [];
}

internal sealed class SwvPlanConfiguration : IEntityTypeConfiguration<SwvPlan>
{
    public void Configure(EntityTypeBuilder<SwvPlan> b)
    {
        b.ToTable("SwvPlans");
        b.HasIndex(p => new { p.TenantId, p.PartnershipId, p.Function }).IsUnique();
        b.Property(p => p.Text).HasMaxLength(4000);
        b.Property(p => p.UpdatedBy).HasMaxLength(200);
        b.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
