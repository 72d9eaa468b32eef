using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Privacy;

namespace Steunpunt.National.Practice;

public enum PracticeStatus { Concept, Ingediend, AanpassenGevraagd, Gepubliceerd }

/// <summary>The size of the region a steunpunt serves, as practice examples are filtered by it.</summary>
public enum RegionSize { Onbekend, Klein, Middel, Groot }

/// <summary>
/// A practice example a steunpunt shares with the others, in a fixed shape; the national editors review it, may ask for
/// changes, and publish it in the public library. The contact person's address is never shown: "Ook interesse?" sends
/// a message through the app.
/// </summary>
public sealed class PracticeExample
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SteunpuntId { get; set; }
    /// <summary>The steunpunt's name as it is shown with the example.</summary>
    public string SteunpuntName { get; set; } = "";
    public string Title { get; set; } = "";
    public string Situation { get; set; } = "";
    public string WhatWeDid { get; set; } = "";
    public string WhatWorked { get; set; } = "";
    public string WhatDidNot { get; set; } = "";
    public string WhatItTook { get; set; } = "";
    public Pillar Pillar { get; set; }
    public Sector Sector { get; set; }
    public RegionSize RegionSize { get; set; }
    public string? ThemeCode { get; set; }
    /// <summary>Whether a contact person may be reached through the app; their name and address only then.</summary>
    public bool ContactAgreed { get; set; }
    public string? ContactName { get; set; }
    public PracticeStatus Status { get; set; }
    /// <summary>What the national editors asked to change, for the steunpunt to read.</summary>
    public string? EditorRemark { get; set; }
    public string SubmittedById { get; set; } = "";
    public string SubmittedByName { get; set; } = "";
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What the public library shows: published examples of steunpunten that were not removed.</summary>
    public static IQueryable<PracticeExample> Public(Data.SteunpuntDb db) =>
        db.Set<PracticeExample>().AsNoTracking().Where(p => p.Status == PracticeStatus.Gepubliceerd
            && db.Set<Tenancy.Tenant>().Any(t => t.Id == p.SteunpuntId && t.RemovedAt == null));
}

/// <summary>The contact person's address, apart from the example: no page that shows an example is handed it; only the
/// "Ook interesse?" handler reads it to send the message, and the steunpunt's own form to fill it in.</summary>
public sealed class PracticeContact
{
    public Guid ExampleId { get; set; }
    [Confidential]
    public string Email { get; set; } = "";
}

internal sealed class PracticeContactConfiguration : IEntityTypeConfiguration<PracticeContact>
{
    public void Configure(EntityTypeBuilder<PracticeContact> b)
    {
        b.ToTable("PracticeContacts");
        b.HasKey(c => c.ExampleId);
        b.HasOne<PracticeExample>().WithOne().HasForeignKey<PracticeContact>(c => c.ExampleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PracticeExampleConfiguration : IEntityTypeConfiguration<PracticeExample>
{
    public void Configure(EntityTypeBuilder<PracticeExample> b)
    {
        b.ToTable("PracticeExamples");
        b.Property(p => p.SteunpuntName).HasMaxLength(200);
        b.Property(p => p.Title).HasMaxLength(200);
        foreach (var text in new[] { nameof(PracticeExample.Situation), nameof(PracticeExample.WhatWeDid), nameof(PracticeExample.WhatWorked),
            nameof(PracticeExample.WhatDidNot), nameof(PracticeExample.WhatItTook) })
        {
            b.Property(text).HasMaxLength(4000);
        }
        b.Property(p => p.Sector).HasConversion(Sectors.Stored).HasMaxLength(2);
        b.Property(p => p.ThemeCode).HasMaxLength(3);
        b.Property(p => p.ContactName).HasMaxLength(200);
        b.Property(p => p.EditorRemark).HasMaxLength(2000);
        b.Property(p => p.SubmittedById).HasMaxLength(450);
        b.Property(p => p.SubmittedByName).HasMaxLength(200);
        b.HasIndex(p => new { p.Status, p.PublishedAt });
        b.HasIndex(p => p.SteunpuntId);
        b.HasOne<Tenancy.Tenant>().WithMany().HasForeignKey(p => p.SteunpuntId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class PracticeNames
{
    public static string Sector(Sector sector) => sector switch
    {
        Vocabulary.Sector.PO => "Primair onderwijs (po)",
        Vocabulary.Sector.VO => "Voortgezet onderwijs (vo)",
        _ => "Po en vo samen",
    };

    public static string Size(RegionSize size) => size switch
    {
        RegionSize.Klein => "Kleine regio (minder dan 10.000 leerlingen)",
        RegionSize.Middel => "Middelgrote regio (10.000 tot 30.000 leerlingen)",
        RegionSize.Groot => "Grote regio (meer dan 30.000 leerlingen)",
        _ => "Niet opgegeven",
    };

    public static string Status(PracticeStatus status) => status switch
    {
        PracticeStatus.Concept => "concept, nog niet ingestuurd",
        PracticeStatus.Ingediend => "ingestuurd, de landelijke redactie kijkt ernaar",
        PracticeStatus.AanpassenGevraagd => "de redactie vraagt een aanpassing",
        _ => "gepubliceerd",
    };

    /// <summary>The five parts of the fixed shape, with their headings.</summary>
    public static IEnumerable<(string Heading, string Text)> Parts(PracticeExample p) =>
    [
        ("De situatie", p.Situation),
        ("Wat we deden", p.WhatWeDid),
        ("Wat werkte", p.WhatWorked),
        ("Wat niet werkte", p.WhatDidNot),
        ("Wat het kostte (tijd, geld, mensen)", p.WhatItTook),
    ];
}
