using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.Information;

/// <summary>A begrip in the begrippenlijst (glossary). National, or a steunpunt's own regional term.</summary>
public sealed class GlossaryTerm : INationalOrTenant, IShipped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; set; }
    public string Slug { get; set; } = "";
    /// <summary>The word itself, e.g. "Toelaatbaarheidsverklaring".</summary>
    public string Term { get; set; } = "";
    /// <summary>e.g. "TLV"; matched case-sensitively in text.</summary>
    public string? Abbreviation { get; set; }
    /// <summary>Other forms found in text (plurals, spellings), separated by "|".</summary>
    public string? Aliases { get; set; }
    /// <summary>One or two plain sentences: shown in place where the term is first used.</summary>
    public string Definition { get; set; } = "";
    /// <summary>Markdown: more on the glossary page.</summary>
    public string Explanation { get; set; } = "";
    /// <summary>The term is on its way out (e.g. SOP) but parents still meet it.</summary>
    public bool Outdated { get; set; }
    /// <summary>For national starter terms: a fingerprint of the text as shipped (see <see cref="FaqItem.SeededHash"/>).</summary>
    public string? SeededHash { get; set; }
    public ContentStatus Status { get; set; } = ContentStatus.Published;
    public DateOnly LastReviewedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string DisplayName => Abbreviation is { Length: > 0 } a ? $"{a} ({Term.ToLowerInvariant()})" : Term;

    public IEnumerable<(string Form, bool CaseSensitive)> SurfaceForms()
    {
        yield return (Term, false);
        if (Abbreviation is { Length: > 0 } abbreviation)
        {
            yield return (abbreviation, true);
        }
        foreach (var alias in (Aliases ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return (alias, alias.All(c => !char.IsLetter(c) || char.IsUpper(c)));
        }
    }
}

internal sealed class GlossaryTermConfiguration : IEntityTypeConfiguration<GlossaryTerm>
{
    public void Configure(EntityTypeBuilder<GlossaryTerm> b)
    {
        b.Property(g => g.Slug).HasMaxLength(120);
        b.Property(g => g.Term).HasMaxLength(120);
        b.Property(g => g.Abbreviation).HasMaxLength(20);
        b.Property(g => g.SeededHash).HasMaxLength(64);
        b.HasIndex(g => new { g.TenantId, g.Slug });
    }
}
