using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Seeding;

/// <summary>
/// One row: the fingerprint of the shipped starter set (this build, its roles, themes, national FAQ, glossary and
/// everyday words) together with the national rows as the last sync left them. A start with the same build and
/// untouched national rows skips comparing the whole set again (about half a second at start-up); anything else is
/// synced as before (<see cref="StarterContent.FingerprintAsync"/>).
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
