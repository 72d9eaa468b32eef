using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.Questions;

/// <summary>An internal note: staff only, never shown to the person.</summary>
public sealed class CaseNote : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    [Confidential]
    public string Text { get; set; } = "";
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.ToTable("CaseNotes");
        b.Property(m => m.AuthorId).HasMaxLength(64);
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.HasIndex(m => new { m.CaseId, m.At });
    }
}
