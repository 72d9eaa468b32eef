using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Information.Releases;

/// <summary>
/// One new or changed national item in a release. Until the release is published, the proposed text waits here (the
/// editor's form, as JSON); at publication the item takes it, and the national text before and after is kept, so a
/// steunpunt with its own layer on the item sees exactly which words changed.
/// </summary>
public sealed class ReleaseChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReleaseId { get; set; }
    /// <summary>The national item it changes; null for a new item until the release is published.</summary>
    public Guid? FaqItemId { get; set; }
    public bool IsNew { get; set; }
    /// <summary>The question as proposed, to list the change without opening the JSON.</summary>
    public string Question { get; set; } = "";
    public string ProposedJson { get; set; } = "";
    /// <summary>The national text before and after publication (question and answer parts), for the word diff.</summary>
    public string TextBefore { get; set; } = "";
    public string TextAfter { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class ReleaseChangeConfiguration : IEntityTypeConfiguration<ReleaseChange>
{
    public void Configure(EntityTypeBuilder<ReleaseChange> b)
    {
        b.ToTable("ReleaseChanges");
        b.HasIndex(c => c.FaqItemId);
        b.Property(c => c.Question).HasMaxLength(300);
        b.Property(c => c.UpdatedBy).HasMaxLength(200);
    }
}
