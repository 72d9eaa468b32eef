using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.National.Experts;

public enum ExpertQuestionStatus { Nieuw, InBehandeling, Beantwoord }

/// <summary>
/// A question of a steunpunt's team to the national expert group, about setting up and running a steunpunt (never about
/// a child). It belongs to the steunpunt that asked: its team sees it there, the expert group sees all of them on the
/// national site. Not a query filter: the experts' queue spans every steunpunt, so each page says whose it reads.
/// </summary>
public sealed class ExpertQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The steunpunt whose team asked.</summary>
    public Guid SteunpuntId { get; set; }
    public string AskedById { get; set; } = "";
    public string AskedByName { get; set; } = "";
    public string Title { get; set; } = "";
    public Pillar Pillar { get; set; }
    public ExpertQuestionStatus Status { get; set; }
    /// <summary>The asker agrees that a knowledge-base item made from this question names their steunpunt.</summary>
    public bool MayName { get; set; }
    /// <summary>An expert marked it as a question that plays more widely: a candidate for the knowledge base or a webinar.</summary>
    public bool PlaysWider { get; set; }
    public string? TakenById { get; set; }
    public string? TakenByName { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public List<ExpertMessage> Messages { get; set; } = [];
}

/// <summary>What a page shows of a question and its thread: the same facts without the entity, so no view is handed a
/// type with confidential fields (the privacy-in-the-types rule).</summary>
public sealed record ExpertThread(Guid Id, Guid SteunpuntId, string Title, Pillar Pillar, ExpertQuestionStatus Status, bool MayName,
    bool PlaysWider, string? TakenById, string? TakenByName, string AskedByName, IReadOnlyList<ExpertThread.Line> Messages)
{
    public sealed record Line(bool ByExpert, string AuthorName, string Text, DateTimeOffset At);

    public static ExpertThread Of(ExpertQuestion q) => new(q.Id, q.SteunpuntId, q.Title, q.Pillar, q.Status, q.MayName, q.PlaysWider,
        q.TakenById, q.TakenByName, q.AskedByName, [.. q.Messages.OrderBy(m => m.At).Select(m => new Line(m.ByExpert, m.AuthorName, m.Text, m.At))]);
}

/// <summary>One message in a question's thread: the question itself comes first.</summary>
public sealed class ExpertMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid QuestionId { get; set; }
    public bool ByExpert { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>Encrypted like every confidential text: a team may still write more about a situation than it should.</summary>
    [Privacy.Confidential]
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal sealed class ExpertQuestionConfiguration : IEntityTypeConfiguration<ExpertQuestion>
{
    public void Configure(EntityTypeBuilder<ExpertQuestion> b)
    {
        b.ToTable("ExpertQuestions");
        b.Property(q => q.AskedById).HasMaxLength(450);
        b.Property(q => q.AskedByName).HasMaxLength(200);
        b.Property(q => q.Title).HasMaxLength(200);
        b.Property(q => q.TakenById).HasMaxLength(450);
        b.Property(q => q.TakenByName).HasMaxLength(200);
        b.HasIndex(q => new { q.SteunpuntId, q.LastActivityAt });
        b.HasIndex(q => new { q.Status, q.LastActivityAt });
        b.HasOne<Tenancy.Tenant>().WithMany().HasForeignKey(q => q.SteunpuntId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(q => q.Messages).WithOne().HasForeignKey(m => m.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpertMessageConfiguration : IEntityTypeConfiguration<ExpertMessage>
{
    public void Configure(EntityTypeBuilder<ExpertMessage> b)
    {
        b.ToTable("ExpertMessages");
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.Text).HasMaxLength(8000);
        b.HasIndex(m => new { m.QuestionId, m.At });
    }
}
