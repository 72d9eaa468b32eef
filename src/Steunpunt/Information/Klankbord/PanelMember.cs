using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Klankbord;

/// <summary>Which group a member reads for: the klankbordgroep of parents or the youth panel (jongerenpanel).</summary>
public enum Panel
{
    Ouders = 0,
    Jongeren = 1,
}

/// <summary>
/// A member of a steunpunt's klankbordgroep or youth panel: reads the drafts sent to their panel and comments on them.
/// Name and e-mail address are confidential; removing a member erases both (their comments stay, without a name).
/// </summary>
public sealed class PanelMember : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    [Confidential]
    public string Name { get; set; } = "";
    [Confidential]
    public string Email { get; set; } = "";
    /// <summary>A keyed fingerprint of the e-mail address, to find the member who asks for a new link; null once removed.</summary>
    public string? EmailHash { get; set; }
    public Panel Panel { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>A one-time sign-in link: only a keyed fingerprint of its token is stored.</summary>
public sealed class PanelSignInLink : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public string Hash { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>A draft sent to one panel to read.</summary>
public sealed class DraftShare : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid DraftId { get; set; }
    public Panel Panel { get; set; }
    public DateTimeOffset SharedAt { get; set; }
    public string SharedBy { get; set; } = "";
}

public enum CommentOutcome
{
    Open = 0,
    /// <summary>The text was changed because of this comment.</summary>
    Aangepast = 1,
    NietAangepast = 2,
}

/// <summary>A member's comment on one paragraph of a draft, with the editor's answer and what came of it.</summary>
public sealed class PanelComment : ITenantOwned
{
    public const int MaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid DraftId { get; set; }
    public Guid MemberId { get; set; }
    public Panel Panel { get; set; }
    public string ParagraphKey { get; set; } = "";
    public string ParagraphLabel { get; set; } = "";
    [Confidential]
    public string Text { get; set; } = "";
    public DateTimeOffset WrittenAt { get; set; }
    [Confidential]
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public CommentOutcome Outcome { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

public enum Verdict
{
    Ja = 0,
    Nee = 1,
    Deels = 2,
}

/// <summary>A member's answer to "Is deze tekst begrijpelijk?": one per member per draft, changeable.</summary>
public sealed class PanelVerdict : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid DraftId { get; set; }
    public Guid MemberId { get; set; }
    public Verdict Answer { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}

/// <summary>A meeting of a panel, for the participation log (A11 of the leidraad).</summary>
public sealed class PanelMeeting : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateOnly HeldOn { get; set; }
    public Panel Panel { get; set; }
    public int Present { get; set; }
    public string Note { get; set; } = "";
}

internal sealed class KlankbordConfiguration : IEntityTypeConfiguration<PanelMember>, IEntityTypeConfiguration<PanelSignInLink>,
    IEntityTypeConfiguration<DraftShare>, IEntityTypeConfiguration<PanelComment>, IEntityTypeConfiguration<PanelVerdict>, IEntityTypeConfiguration<PanelMeeting>
{
    public void Configure(EntityTypeBuilder<PanelMember> b)
    {
        b.ToTable("PanelMembers");
        b.Property(m => m.EmailHash).HasMaxLength(100);
        b.HasIndex(m => new { m.TenantId, m.EmailHash });
    }

    public void Configure(EntityTypeBuilder<PanelSignInLink> b)
    {
        b.ToTable("PanelSignInLinks");
        b.Property(l => l.Hash).HasMaxLength(100);
        b.HasIndex(l => l.Hash).IsUnique();
        b.HasOne<PanelMember>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DraftShare> b)
    {
        b.ToTable("DraftShares");
        b.Property(s => s.SharedBy).HasMaxLength(200);
        b.HasIndex(s => new { s.DraftId, s.Panel }).IsUnique();
        b.HasOne<Workflow.ContentDraft>().WithMany().HasForeignKey(s => s.DraftId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PanelComment> b)
    {
        b.ToTable("PanelComments");
        b.Property(c => c.ParagraphKey).HasMaxLength(50);
        b.Property(c => c.ParagraphLabel).HasMaxLength(200);
        b.Property(c => c.AnsweredBy).HasMaxLength(200);
        b.HasIndex(c => new { c.DraftId, c.WrittenAt });
        b.HasOne<Workflow.ContentDraft>().WithMany().HasForeignKey(c => c.DraftId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PanelMember>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PanelVerdict> b)
    {
        b.ToTable("PanelVerdicts");
        b.HasIndex(v => new { v.DraftId, v.MemberId }).IsUnique();
        b.HasOne<Workflow.ContentDraft>().WithMany().HasForeignKey(v => v.DraftId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PanelMember>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PanelMeeting> b)
    {
        b.ToTable("PanelMeetings");
        b.Property(m => m.Note).HasMaxLength(500);
        b.HasIndex(m => new { m.TenantId, m.HeldOn });
    }
}

public static class KlankbordData
{
    extension(SteunpuntDb db)
    {
        public DbSet<PanelMember> PanelMembers => db.Set<PanelMember>();
        public DbSet<PanelSignInLink> PanelSignInLinks => db.Set<PanelSignInLink>();
        public DbSet<DraftShare> DraftShares => db.Set<DraftShare>();
        public DbSet<PanelComment> PanelComments => db.Set<PanelComment>();
        public DbSet<PanelVerdict> PanelVerdicts => db.Set<PanelVerdict>();
        public DbSet<PanelMeeting> PanelMeetings => db.Set<PanelMeeting>();
    }
}
