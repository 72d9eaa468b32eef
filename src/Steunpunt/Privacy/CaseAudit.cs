using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Privacy;

/// <summary>One read or change of a case or of a story's own words: who, when, what. Written in the same save as the
/// change itself; a read is written before the page shows it. The steunpunt's coordinator views the log.</summary>
public sealed class CaseAuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    /// <summary>The case, for an entry about a case.</summary>
    public Guid? CaseId { get; set; }
    /// <summary>The story, for an entry about a story.</summary>
    public Guid? StoryId { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public CaseAction Action { get; set; }
}

public enum CaseAction
{
    Aangemaakt, Gelezen, Beantwoord, NotitieGemaakt, Toegewezen, Gewijzigd, Afgerond, Heropend, ReactieOntvangen,
    VerhaalGelezen, VerhaalGoedgekeurd, VerhaalOrigineelVerwijderd,
    /// <summary>The retention period ended: the personal details, messages and notes of the case were deleted.</summary>
    Geanonimiseerd,
    /// <summary>Staff called the person back as agreed.</summary>
    Teruggebeld,
}

internal sealed class CaseAuditEntryConfiguration : IEntityTypeConfiguration<CaseAuditEntry>
{
    public void Configure(EntityTypeBuilder<CaseAuditEntry> b)
    {
        b.ToTable("CaseAudit");
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.UserName).HasMaxLength(200);
        b.HasIndex(a => new { a.TenantId, a.At });
        b.HasIndex(a => a.CaseId);
        b.HasIndex(a => a.StoryId);
    }
}

public static class PrivacyData
{
    extension(SteunpuntDb db)
    {
        public DbSet<CaseAuditEntry> CaseAudit => db.Set<CaseAuditEntry>();
    }
}
