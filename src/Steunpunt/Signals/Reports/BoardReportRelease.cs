using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.Signals.Reports;

/// <summary>
/// A board report as staff published it for the board: one SWV, one period, one version, frozen at publication. The
/// board reads only these, so its figures move only when staff publish again. Publishing again adds a version
/// (numbered from 1) and keeps the earlier ones; the board reads the figures of the latest version only (staff can
/// read every version), and what changed names a change smaller than the threshold without figures. A period that
/// has not ended can be published only once. Together these keep one late contact from being found by comparing
/// versions; comparing with figures the board wrote down itself stays possible, but only at the published moments.
/// Stored as the published view (every count already suppressed, with the written
/// summary), sealed at rest like the quotes it holds.
/// </summary>
public sealed class BoardReportRelease : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PartnershipId { get; set; }
    public string PeriodKey { get; set; } = "";
    /// <summary>1 for the first publication of this SWV and period, then 2, 3, …</summary>
    public int Number { get; set; } = 1;
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    /// <summary>The <see cref="PublishedReport.Version"/>, as JSON.</summary>
    [Confidential]
    public string Content { get; set; } = "";
}

internal sealed class BoardReportReleaseConfiguration : IEntityTypeConfiguration<BoardReportRelease>
{
    public void Configure(EntityTypeBuilder<BoardReportRelease> b)
    {
        b.ToTable("BoardReportReleases");
        b.Property(r => r.PeriodKey).HasMaxLength(9);
        b.Property(r => r.PublishedBy).HasMaxLength(200);
        b.HasIndex(r => new { r.TenantId, r.PartnershipId, r.PeriodKey, r.Number }).IsUnique();
    }
}

public static class ReleaseData
{
    extension(SteunpuntDb db)
    {
        public DbSet<BoardReportRelease> BoardReportReleases => db.Set<BoardReportRelease>();
    }
}
