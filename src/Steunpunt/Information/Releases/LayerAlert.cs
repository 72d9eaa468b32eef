using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Releases;

public enum AlertDecision { Open, Behouden, Aangepast, Vervallen }

/// <summary>
/// A release changed a national item on which this steunpunt has a supplement, its own version or a hidden choice.
/// Until its editors decide (keep, adapt or drop their layer), visitors see the new national text with the
/// steunpunt's supplement: an own version or hiding waits (see <see cref="FaqItem.NeedsReview"/>).
/// </summary>
public sealed class LayerAlert : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ReleaseId { get; set; }
    public Guid ChangeId { get; set; }
    /// <summary>The national item that changed.</summary>
    public Guid FaqItemId { get; set; }
    public ContentLayer Layer { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public AlertDecision Decision { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string DecidedBy { get; set; } = "";
}

internal sealed class LayerAlertConfiguration : IEntityTypeConfiguration<LayerAlert>
{
    public void Configure(EntityTypeBuilder<LayerAlert> b)
    {
        b.ToTable("LayerAlerts");
        b.HasIndex(a => new { a.TenantId, a.Decision });
        b.Property(a => a.DecidedBy).HasMaxLength(200);
    }
}
