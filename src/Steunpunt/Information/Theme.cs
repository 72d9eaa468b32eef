using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Information;

/// <summary>A thema (T01–T16): the national taxonomy that every FAQ item, question and signal is coded with.</summary>
public sealed class Theme
{
    /// <summary>T01 … T16.</summary>
    public required string Code { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>One plain sentence under the theme's name.</summary>
    public required string Intro { get; set; }
    /// <summary>The same sentence in je-form, for the youth pages.</summary>
    public required string YouthIntro { get; set; }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> b)
    {
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(3);
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Slug).HasMaxLength(80);
        b.Property(t => t.Name).HasMaxLength(120);
    }
}
