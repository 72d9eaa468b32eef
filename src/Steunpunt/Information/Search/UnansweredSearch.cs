using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Search;

/// <summary>A zoekvraag zonder antwoord: a search that found nothing, counted per week. Anonymous: no IP address,
/// cookie or account is stored, only the words (folded, without e-mail addresses, phone numbers, digits or names)
/// and how often and by how many people they were searched. It is shown only once several people searched it.</summary>
public sealed class UnansweredSearch : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public string Query { get; set; } = "";
    /// <summary>ISO week, e.g. "2026-W48".</summary>
    public string Week { get; set; } = "";
    public int Count { get; set; }
    /// <summary>Different people (addresses) who searched it this week, counted up to the threshold for showing.</summary>
    public int People { get; set; }
    /// <summary>Short keyed fingerprints of those addresses, valid for this week only, until the threshold is reached
    /// (then emptied).</summary>
    public string SeenBy { get; set; } = "";
}

internal sealed class UnansweredSearchConfiguration : IEntityTypeConfiguration<UnansweredSearch>
{
    public void Configure(EntityTypeBuilder<UnansweredSearch> b)
    {
        b.Property(u => u.Query).HasMaxLength(200);
        b.Property(u => u.Week).HasMaxLength(8);
        b.Property(u => u.SeenBy).HasMaxLength(200);
        b.HasIndex(u => new { u.TenantId, u.Week, u.Query }).IsUnique();
    }
}
