using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;

namespace Steunpunt.Information.Releases;

public enum ReleaseStatus { Concept, Gepland, Gepubliceerd }

/// <summary>
/// A numbered part of the landelijke informatieset ("deel 3: overstap naar het voortgezet onderwijs"): national
/// editors gather new and changed items in it, look at it as a whole, and publish it at once, now or at a set time.
/// Until then the changes wait here and visitors see the items as they were.
/// </summary>
public sealed class InformationRelease : IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public ReleaseStatus Status { get; set; }
    /// <summary>When a planned release goes out.</summary>
    public DateTimeOffset? PublishAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ReleaseChange> Changes { get; set; } = [];

    public string Name => $"Deel {Number}: {Title}";
}

internal sealed class InformationReleaseConfiguration : IEntityTypeConfiguration<InformationRelease>
{
    public void Configure(EntityTypeBuilder<InformationRelease> b)
    {
        b.ToTable("InformationReleases");
        b.HasIndex(r => r.Number).IsUnique();
        b.HasIndex(r => new { r.Status, r.PublishAt });
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.PublishedBy).HasMaxLength(200);
        b.HasMany(r => r.Changes).WithOne().HasForeignKey(c => c.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
