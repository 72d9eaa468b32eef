using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.Signals;

/// <summary>
/// What the board of one SWV says it will do with a signal, and by when: written by a board member on the published
/// report, attributed to them. Staff read it in the signal register; once the signal is "teruggekoppeld" the action
/// and the date (not the name) show on "jullie zeiden, wij deden", labelled as the board's answer.
/// </summary>
public sealed class BoardAnswer : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SignalId { get; set; }
    /// <summary>The SWV whose board answered.</summary>
    public Guid PartnershipId { get; set; }
    /// <summary>"Wat gaan we doen".</summary>
    public string Action { get; set; } = "";
    /// <summary>"Wanneer": a date or a period, as the board writes it.</summary>
    public string When { get; set; } = "";
    public string WrittenBy { get; set; } = "";
    public DateTimeOffset WrittenAt { get; set; }
}

internal sealed class BoardAnswerConfiguration : IEntityTypeConfiguration<BoardAnswer>
{
    public void Configure(EntityTypeBuilder<BoardAnswer> b)
    {
        b.ToTable("BoardAnswers");
        b.Property(a => a.Action).HasMaxLength(2000);
        b.Property(a => a.When).HasMaxLength(100);
        b.Property(a => a.WrittenBy).HasMaxLength(200);
        b.HasIndex(a => new { a.SignalId, a.PartnershipId }).IsUnique();
        b.HasOne<Signal>().WithMany().HasForeignKey(a => a.SignalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
