using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.Questions;

/// <summary>
/// One contact with the steunpunt: a question sent through the form, or a phone call, e-mail, walk-in or spreekuur
/// contact registered by staff. Only that steunpunt's staff read it (see README.md); what the person wrote and how to
/// reach them is encrypted at rest.
/// </summary>
public sealed class SupportCase : ITenantOwned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Channel Channel { get; set; }
    public RequesterRole RequesterRole { get; set; }
    /// <summary>A young person who said they are younger than 16.</summary>
    public bool YouthUnder16 { get; set; }
    public ThemeSet ThemeCodes { get; set; } = ThemeSet.None;
    public SchoolPhases Phase { get; set; }
    /// <summary>From the phase: which of the steunpunt's SWVs the contact counts for.</summary>
    public Sector Sector { get; set; }
    /// <summary>One of the steunpunt's gemeenten (or "Andere gemeente"); with the other details it could point at a
    /// family, so it is kept like what the person wrote.</summary>
    [Confidential]
    public string Gemeente { get; set; } = "";

    public ContactWay ContactWay { get; set; }
    [Confidential]
    public string ContactName { get; set; } = "";
    [Confidential]
    public string Email { get; set; } = "";
    [Confidential]
    public string Phone { get; set; } = "";
    /// <summary>Preferred call windows, comma separated (ochtend, middag, avond).</summary>
    public string PhoneWindows { get; set; } = "";
    public bool CallWithHiddenNumber { get; set; }
    public bool NoVoicemail { get; set; }
    /// <summary>When the person agreed that the steunpunt may keep health or diagnosis information they shared.</summary>
    public DateTimeOffset? HealthConsentAt { get; set; }

    public CaseStatus Status { get; set; }
    /// <summary>The last word is the person's: the steunpunt owes an answer by <see cref="ReplyDueOn"/>.</summary>
    public bool AwaitingStaff { get; set; }
    public DateOnly? ReplyDueOn { get; set; }
    /// <summary>The first promised reply day, and whether the first answer came by then (board report).</summary>
    public DateOnly? FirstDueOn { get; set; }
    public bool? AnsweredOnTime { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>When the retention period ended and the personal part of the case was deleted (see <see cref="CaseRetention"/>).</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }
    public string? AssignedToId { get; set; }
    public string AssignedToName { get; set; } = "";

    public HelpGiven HelpGiven { get; set; }
    [Confidential]
    public string ReferredTo { get; set; } = "";
    public Knelpunten Knelpunten { get; set; }
    public int MinutesSpent { get; set; }
    public Outcome Outcome { get; set; }

    /// <summary>Fingerprints of the personal link and the short code; the secrets themselves are never stored.</summary>
    public string? LinkHash { get; set; }
    public string? CodeHash { get; set; }
    /// <summary>Fingerprint of the form's submission key: a second post of the same form finds this case.</summary>
    public string? SubmissionHash { get; set; }

    public List<CaseMessage> Messages { get; set; } = [];
    public List<CaseNote> Notes { get; set; } = [];
}

public enum Channel { Formulier, Telefoon, Email, Inloop, Spreekuur }

public enum RequesterRole { Ouder, Jongere, Professional }

public enum ContactWay { LinkOnly, Email, Phone }

public enum CaseStatus { Open, Closed }

[Flags]
public enum HelpGiven
{
    None = 0,
    Informatie = 1,
    Advies = 2,
    Sparren = 4,
    MeegaanNaarGesprek = 8,
    Doorverwijzen = 16,
}

/// <summary>Bottlenecks a contact shows; they feed the signal register (issue #5).</summary>
[Flags]
public enum Knelpunten
{
    None = 0,
    Thuiszitten = 1,
    GeenPassendePlek = 2,
    Wachtlijst = 4,
    OndersteuningNietGeboden = 8,
    CommunicatieMetSchool = 16,
    TlvProcedure = 32,
    ZorgEnOnderwijs = 64,
    Vervoer = 128,
}

public enum Outcome { Onbekend, Beantwoord, Doorverwezen, DeelsOpgelost, NietOpgelost, GeenReactie }

internal sealed class CaseConfiguration : IEntityTypeConfiguration<SupportCase>
{
    public void Configure(EntityTypeBuilder<SupportCase> b)
    {
        b.ToTable("Cases");
        b.Property(c => c.ThemeCodes).HasConversion(ThemeSet.Stored).HasMaxLength(100);
        b.Property(c => c.Sector).HasConversion(Sectors.Stored).HasMaxLength(2);
        b.Property(c => c.PhoneWindows).HasMaxLength(100);
        b.Property(c => c.AssignedToName).HasMaxLength(200);
        b.Property(c => c.LinkHash).HasMaxLength(64);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.Property(c => c.SubmissionHash).HasMaxLength(64);
        b.HasIndex(c => c.LinkHash).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.CodeHash });
        b.HasIndex(c => new { c.TenantId, c.SubmissionHash }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.Status, c.ReceivedAt });
        b.HasIndex(c => new { c.TenantId, c.ReceivedAt }); // board reports count a period
        // The national monitor counts 12 months of every steunpunt per steunpunt and sector: this index holds all it
        // reads, in the order it groups, so neither the wide rows (sealed text) nor a sort are needed. It starts with
        // TenantId so that queries over a period alone (national totals) are not tempted into it.
        b.HasIndex(c => new { c.TenantId, c.Sector, c.ReceivedAt, c.RequesterRole, c.Channel, c.ContactWay, c.AnsweredOnTime });
        b.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Notes).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
