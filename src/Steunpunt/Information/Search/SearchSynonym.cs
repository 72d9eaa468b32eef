using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Search;

/// <summary>A word people type and what it means, searched both ways. National (no TenantId: everyday words and old
/// terms such as "rugzakje" or "taxi", kept by national editors) or a steunpunt's own regional name
/// (e.g. "Rebound" → "plusvoorziening").</summary>
public sealed class SearchSynonym : INationalOrTenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; set; }
    public string Word { get; set; } = "";
    public string Means { get; set; } = "";
}

internal sealed class SearchSynonymConfiguration : IEntityTypeConfiguration<SearchSynonym>
{
    public void Configure(EntityTypeBuilder<SearchSynonym> b)
    {
        b.Property(u => u.Word).HasMaxLength(100);
        b.Property(u => u.Means).HasMaxLength(200);
    }
}
