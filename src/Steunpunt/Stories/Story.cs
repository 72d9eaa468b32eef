using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Information;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.Stories;

/// <summary>
/// An experience told at the vertelpunt, anonymously. What the teller wrote stays with staff (encrypted at rest);
/// only the redacted text that a staff member reviewed ever leaves the staff area (board report quotes, signals).
/// </summary>
public sealed class Story : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    public Teller Teller { get; set; }
    public SchoolPhases Phase { get; set; }
    /// <summary>Theme codes (T01–T16), comma separated.</summary>
    public string ThemeCodes { get; set; } = "";
    /// <summary>From -2 (heel negatief) to +2 (heel positief).</summary>
    public int Feeling { get; set; }
    public FeltHeard FeltHeard { get; set; }
    /// <summary>The teller allows an anonymous quote of the redacted text.</summary>
    public bool MayQuote { get; set; }

    [Confidential]
    public string Moment { get; set; } = "";
    [Confidential]
    public string WhatHappened { get; set; } = "";
    [Confidential]
    public string Meaning { get; set; } = "";
    [Confidential]
    public string Needed { get; set; } = "";

    /// <summary>The text as a staff member accepted it after redaction; empty until reviewed.</summary>
    [Confidential]
    public string RedactedText { get; set; } = "";
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>Staff chose this story as a quote for the board report (only when the teller allowed quoting).</summary>
    public bool UseAsQuote { get; set; }
    public string ReviewedBy { get; set; } = "";

    public string? SubmissionHash { get; set; }

    public string FullText() => string.Join("\n\n", new[] { Moment, WhatHappened, Meaning, Needed }.Where(t => t.Length > 0));

    public IEnumerable<string> Themes() => ThemeCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public enum Teller { Ouder, Jongere, Professional }

public enum FeltHeard { WeetNiet, Ja, Deels, Nee }

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> b)
    {
        b.ToTable("Stories");
        b.Property(s => s.ThemeCodes).HasMaxLength(100);
        b.Property(s => s.ReviewedBy).HasMaxLength(200);
        b.Property(s => s.SubmissionHash).HasMaxLength(64);
        b.HasIndex(s => new { s.TenantId, s.SubmissionHash }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.ReceivedAt });
    }
}

public static class StoriesData
{
    extension(SteunpuntDb db)
    {
        public DbSet<Story> Stories => db.Set<Story>();
    }
}
