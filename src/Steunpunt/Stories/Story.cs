using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
    public ThemeSet ThemeCodes { get; set; } = ThemeSet.None;
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

    /// <summary>The answers as a staff member approved them after redaction, kept apart (see <see cref="RedactedParts"/>);
    /// empty until reviewed. Only this leaves the staff area.</summary>
    [Confidential]
    public string RedactedText { get; set; } = "";
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>When the teller's own words were deleted, a short while after approval (Stories:OriginalHoursAfterApproval).</summary>
    public DateTimeOffset? OriginalDeletedAt { get; set; }
    /// <summary>Staff chose this story as a quote for the board report (only when the teller allowed quoting).</summary>
    public bool UseAsQuote { get; set; }
    public string ReviewedBy { get; set; } = "";

    public string? SubmissionHash { get; set; }

    /// <summary>The four open prompts of the vertelpunt, in order; the form and the review show each answer under its prompt.</summary>
    public static readonly string[] Prompts =
    [
        "Vertel over een moment dat je je iets herinnert",
        "Wat gebeurde er?",
        "Wat betekende het voor jou of je kind?",
        "Wat had je nodig?",
    ];

    /// <summary>The teller's answers, in the order of <see cref="Prompts"/>.</summary>
    public string[] Parts() => [Moment, WhatHappened, Meaning, Needed];

    // The approved answers are kept in one sealed column, separated by a character that no form lets through.
    private const char PartSeparator = '\u001e';

    /// <summary>The approved answers, in the order of <see cref="Prompts"/>. A story approved as one text (before answers
    /// were reviewed apart) is one part.</summary>
    public string[] RedactedParts() => RedactedText.Split(PartSeparator);

    public void Approve(IReadOnlyList<string> parts) =>
        RedactedText = string.Join(PartSeparator, parts.Select(p => p.Replace(PartSeparator, ' ')));

    /// <summary>The approved story as one text, for a quote.</summary>
    public string RedactedFullText() => FullText(RedactedText);

    /// <summary>Approved answers as stored, as one text.</summary>
    internal static string FullText(string redacted) => string.Join("\n\n", redacted.Split(PartSeparator).Where(p => p.Length > 0));
}

public enum Teller { Ouder, Jongere, Professional }

public enum FeltHeard { WeetNiet, Ja, Deels, Nee }

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> b)
    {
        b.ToTable("Stories");
        b.Property(s => s.ThemeCodes).HasConversion(ThemeSet.Stored).HasMaxLength(100);
        b.Property(s => s.ReviewedBy).HasMaxLength(200);
        b.Property(s => s.SubmissionHash).HasMaxLength(64);
        b.HasIndex(s => new { s.TenantId, s.SubmissionHash }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.ReceivedAt });
    }
}
