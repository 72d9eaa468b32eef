using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Seeding;

/// <summary>
/// One row: the fingerprint of the shipped starter set (roles, themes, national FAQ, glossary, everyday words) that
/// this installation last took over. A start with the same release skips comparing the whole set again (about half a
/// second at start-up); a new release is taken over as before.
/// </summary>
public sealed class StarterRelease
{
    public int Id { get; set; } = 1;
    public string Fingerprint { get; set; } = "";
    public DateTimeOffset AppliedAt { get; set; }
}

internal sealed class StarterReleaseConfiguration : IEntityTypeConfiguration<StarterRelease>
{
    public void Configure(EntityTypeBuilder<StarterRelease> b)
    {
        b.ToTable("StarterRelease");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Fingerprint).HasMaxLength(64);
    }
}
