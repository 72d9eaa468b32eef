using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information;

/// <summary>One of a steunpunt's own pages: over ons, privacy, toegankelijkheid, the route "bij wie moet je zijn".</summary>
public sealed class RegionalPage : ITenantOwned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public RegionalPageKind Kind { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string Body { get; set; } = "";
    /// <summary>Which glossary term a word on this page means (see <see cref="FaqItem.TermChoices"/>).</summary>
    public string TermChoices { get; set; } = "";
    public ContentStatus Status { get; set; } = ContentStatus.Published;
    public DateOnly LastReviewedOn { get; set; }
    /// <summary>Changes often: checked again after 3 months instead of 12.</summary>
    public bool TimeSensitive { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum RegionalPageKind
{
    OverOns = 0,
    Privacy = 1,
    Toegankelijkheid = 2,
    Route = 3,
}

internal sealed class RegionalPageConfiguration : IEntityTypeConfiguration<RegionalPage>
{
    public void Configure(EntityTypeBuilder<RegionalPage> b)
    {
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.TermChoices).HasMaxLength(1000);
    }
}
