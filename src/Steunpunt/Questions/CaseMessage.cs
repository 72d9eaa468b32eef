using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.Questions;

/// <summary>A message in the conversation between the person and the steunpunt.</summary>
public sealed class CaseMessage : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public bool FromStaff { get; set; }
    /// <summary>The staff member's display name; empty for the person.</summary>
    public string AuthorName { get; set; } = "";
    [Confidential]
    public string Text { get; set; } = "";
    /// <summary>Fingerprint of the reply form's key: a resent reply is stored once.</summary>
    public string? SubmissionHash { get; set; }
}

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> b)
    {
        b.ToTable("CaseMessages");
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.SubmissionHash).HasMaxLength(64);
        b.HasIndex(m => new { m.CaseId, m.At });
        b.HasIndex(m => m.SubmissionHash).IsUnique();
    }
}
