using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Signals;

/// <summary>
/// A knelpunt the steunpunt puts before the SWV board: made from case flags, stories, searches without an answer,
/// what readers missed in an article, or by hand. Its text is de-identified (it is shown to the board, and its feedback publicly); it links to cases
/// and stories only to count them.
/// </summary>
public sealed class Signal : ITenantOwned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary>The SWV it is for; null: every SWV the steunpunt serves.</summary>
    public Guid? PartnershipId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public ThemeSet ThemeCodes { get; set; } = ThemeSet.None;
    public SchoolPhases Phases { get; set; }
    public string Gemeenten { get; set; } = "";
    public SignalSource Source { get; set; }
    public SignalStatus Status { get; set; }
    public string BoardResponse { get; set; } = "";
    public string Measure { get; set; } = "";
    /// <summary>What parents read on "Jullie zeiden, wij deden" once the signal is teruggekoppeld.</summary>
    public string PublicFeedback { get; set; } = "";
    public DateTimeOffset? FeedbackPublishedAt { get; set; }

    public List<SignalLink> Links { get; set; } = [];
}

/// <summary>Where a signal came from; Lezers: what readers missed in an article ("Was dit nuttig?" → nee).</summary>
public enum SignalSource { Handmatig, Knelpunten, Verhalen, Zoekvragen, Lezers }

public enum SignalStatus { Nieuw, Geduid, VoorgelegdAanBestuur, ReactieBestuur, Maatregel, Teruggekoppeld }

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> b)
    {
        b.ToTable("Signals");
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Description).HasMaxLength(4000);
        b.Property(s => s.ThemeCodes).HasConversion(ThemeSet.Stored).HasMaxLength(100);
        b.Property(s => s.Gemeenten).HasMaxLength(500);
        b.Property(s => s.BoardResponse).HasMaxLength(4000);
        b.Property(s => s.Measure).HasMaxLength(4000);
        b.Property(s => s.PublicFeedback).HasMaxLength(4000);
        b.HasIndex(s => new { s.TenantId, s.Status });
        b.HasMany(s => s.Links).WithOne().HasForeignKey(l => l.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
}
