using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Information;

/// <summary>One publish: which steunpunt's content changed (none: the national set). Every instance reads new
/// rows each second to drop cached pages and update its search index.</summary>
public sealed class ContentChange
{
    public long Id { get; set; }
    public Guid? TenantId { get; set; }
    /// <summary>The national FAQ item that changed, when a national change concerns one item: then only that
    /// item is re-indexed in every steunpunt, instead of everything.</summary>
    public Guid? ItemId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> b) => b.Property(p => p.Id).ValueGeneratedOnAdd();
}
