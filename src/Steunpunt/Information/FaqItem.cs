using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information;

/// <summary>
/// A veelgestelde vraag (FAQ item), or one steunpunt's layer on a national one.
/// National items have no TenantId. A steunpunt's row either is its own item (<see cref="ContentLayer.Item"/>),
/// or points at a national item through <see cref="NationalItemId"/> to add to it, replace it or hide it.
/// </summary>
public sealed class FaqItem : INationalOrTenant, IShipped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; set; }
    public ContentLayer Layer { get; set; } = ContentLayer.Item;
    public Guid? NationalItemId { get; set; }

    public string Slug { get; set; } = "";
    public string ThemeCode { get; set; } = "";
    public Audience Audience { get; set; } = Audience.Ouders;
    public SchoolPhases Phases { get; set; }

    public string Question { get; set; } = "";
    /// <summary>Two or three sentences that answer the question.</summary>
    public string ShortAnswer { get; set; } = "";
    /// <summary>Markdown: "Meer uitleg".</summary>
    public string Explanation { get; set; } = "";
    /// <summary>Markdown: "Wat kun je doen?".</summary>
    public string WhatYouCanDo { get; set; } = "";
    /// <summary>Markdown: "Bij wie moet je zijn?".</summary>
    public string WhoToGoTo { get; set; } = "";
    /// <summary>Markdown: "In onze regio…", for a <see cref="ContentLayer.Supplement"/>.</summary>
    public string Supplement { get; set; } = "";
    /// <summary>Where the answer comes from: one source per line, "title | https://…". Required for national items.</summary>
    public string Sources { get; set; } = "";
    /// <summary>Which glossary term a word on this page means, one per line: "leerplicht = leerplichtambtenaar", or "verwijderd = -" to explain nothing.</summary>
    public string TermChoices { get; set; } = "";
    /// <summary>For national starter items: a fingerprint of the text as shipped, so a later release can correct text nobody has edited.</summary>
    public string? SeededHash { get; set; }

    public ContentStatus Status { get; set; } = ContentStatus.Draft;
    /// <summary>On a steunpunt's layer: a release changed the national item under it and the steunpunt has not decided
    /// yet. Meanwhile an own version or a hidden choice waits; a supplement stays under the new national text.</summary>
    public bool NeedsReview { get; set; }
    public DateOnly LastReviewedOn { get; set; }
    /// <summary>Changes often (amounts, dates, a law about to change): checked again after 3 months instead of 12.</summary>
    public bool TimeSensitive { get; set; }
    /// <summary>A concept planned to go out by itself at this moment (<see cref="Review.ScheduledPublishing"/>).</summary>
    public DateTimeOffset? PublishAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A national row that ships with the product: kept in step with the release unless someone edited it.</summary>
public interface IShipped : IStamped
{
    string Slug { get; }
    /// <summary>A fingerprint of the text as shipped; see Seeding/StarterContent.cs.</summary>
    string? SeededHash { get; set; }
}

public enum ContentLayer
{
    /// <summary>A whole item: national, or a steunpunt's own.</summary>
    Item = 0,
    /// <summary>"In onze regio…": shown under the national item.</summary>
    Supplement = 1,
    /// <summary>The steunpunt's own version replaces the national text.</summary>
    Override = 2,
    /// <summary>The national item is not shown in this steunpunt.</summary>
    Hidden = 3,
}

public enum ContentStatus
{
    Draft = 0,
    Published = 1,
}

internal sealed class FaqItemConfiguration : IEntityTypeConfiguration<FaqItem>
{
    public void Configure(EntityTypeBuilder<FaqItem> b)
    {
        b.Property(f => f.Slug).HasMaxLength(120);
        b.Property(f => f.ThemeCode).HasMaxLength(3);
        b.Property(f => f.Question).HasMaxLength(300);
        b.Property(f => f.ShortAnswer).HasMaxLength(1000);
        b.Property(f => f.Sources).HasMaxLength(2000);
        b.Property(f => f.TermChoices).HasMaxLength(1000);
        b.Property(f => f.SeededHash).HasMaxLength(64);
        b.HasIndex(f => new { f.TenantId, f.Slug });
        b.HasIndex(f => f.NationalItemId);
    }
}
