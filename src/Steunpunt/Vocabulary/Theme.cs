using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Vocabulary;

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

    public const string CodePattern = "^T(0[1-9]|1[0-6])$";

    /// <summary>A well-formed theme code (T01–T16), for codes that arrive from a form.</summary>
    public static bool IsCode(string? code) => code is { Length: 3 } && System.Text.RegularExpressions.Regex.IsMatch(code, CodePattern);
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
