using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.National.Knowledge;

/// <summary>
/// A public knowledge-base item for professionals: a question that plays more widely, rewritten by an expert without
/// the asker's name, and without their steunpunt unless the asker agreed.
/// </summary>
public sealed class KnowledgeItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The question as the expert rewrote it.</summary>
    public string Question { get; set; } = "";
    /// <summary>The answer: plain text, paragraphs separated by an empty line.</summary>
    public string Answer { get; set; } = "";
    public Pillar Pillar { get; set; }
    /// <summary>A theme code (T01–T16), or null for questions about the steunpunt itself.</summary>
    public string? ThemeCode { get; set; }
    /// <summary>The steunpunt named with the item ("Een vraag van …"), only when its asker agreed.</summary>
    public string? CreditedTo { get; set; }
    /// <summary>The question it came from, if any (an expert may also write one from scratch).</summary>
    public Guid? FromQuestionId { get; set; }
    public string WrittenBy { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class KnowledgeItemConfiguration : IEntityTypeConfiguration<KnowledgeItem>
{
    public void Configure(EntityTypeBuilder<KnowledgeItem> b)
    {
        b.ToTable("KnowledgeItems");
        b.HasIndex(k => k.Slug).IsUnique();
        b.HasIndex(k => k.FromQuestionId);
        b.Property(k => k.Slug).HasMaxLength(120);
        b.Property(k => k.Title).HasMaxLength(200);
        b.Property(k => k.Question).HasMaxLength(2000);
        b.Property(k => k.Answer).HasMaxLength(12000);
        b.Property(k => k.ThemeCode).HasMaxLength(3);
        b.Property(k => k.CreditedTo).HasMaxLength(200);
        b.Property(k => k.WrittenBy).HasMaxLength(200);
    }
}
