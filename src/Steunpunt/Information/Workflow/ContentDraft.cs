using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Workflow;

/// <summary>
/// A new text for a page, kept apart from the page itself until it is published: visitors keep reading the published
/// text while the draft goes from concept to review to approved. One open draft per page; a published or discarded
/// draft stays as the record of what happened (and what the klankbordgroep said about it).
/// </summary>
public sealed class ContentDraft : INationalOrTenant, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Null for a draft of the national information set.</summary>
    public Guid? TenantId { get; set; }
    public DraftSubject Subject { get; set; }
    /// <summary>The FAQ item (<see cref="DraftSubject.Item"/>), the national item under the layer
    /// (<see cref="DraftSubject.Layer"/>) or the regional page (<see cref="DraftSubject.RegionalPage"/>).</summary>
    public Guid SubjectId { get; set; }
    /// <summary>The page's title as the draft has it, for lists.</summary>
    public string Title { get; set; } = "";
    /// <summary>The form as the editor filled it in (a JSON object; its shape depends on <see cref="Subject"/>).</summary>
    public string FieldsJson { get; set; } = "{}";
    public DraftState State { get; set; } = DraftState.Concept;
    /// <summary>Goes up with every change of the text, so an approval is of one exact text.</summary>
    public int Revision { get; set; } = 1;

    /// <summary>Set while the draft is open ("site/subject/id"), null once it is closed: a unique index allows one open
    /// draft per page, on both databases, also for the national site (whose TenantId is null).</summary>
    public string? OpenKey { get; set; }

    public string WrittenBy { get; set; } = "";
    public DateTimeOffset WrittenAt { get; set; }
    /// <summary>The account that made the last change of the text (it may not approve that text itself).</summary>
    public string WrittenById { get; set; } = "";
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public string? ApprovedById { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Published as a small fix without review: what was corrected, in the editor's words.</summary>
    public string? FixNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => State is DraftState.Concept or DraftState.TerReview or DraftState.Goedgekeurd;

    public static string KeyOf(Guid? tenantId, DraftSubject subject, Guid subjectId) =>
        $"{Search.SearchSource.KeyOf(tenantId)}/{(int)subject}/{subjectId:N}";

    /// <summary>Closes the draft: published, or thrown away.</summary>
    public void Close(DraftState state)
    {
        State = state;
        OpenKey = null;
    }

    public T Fields<T>() where T : new() => JsonSerializer.Deserialize<T>(FieldsJson) ?? new T();
}

public enum DraftSubject
{
    Item = 0,
    Layer = 1,
    RegionalPage = 2,
}

public enum DraftState
{
    Concept = 0,
    TerReview = 1,
    Goedgekeurd = 2,
    Gepubliceerd = 3,
    /// <summary>Thrown away by an editor, or replaced by a text published another way.</summary>
    Vervallen = 4,
}

/// <summary>Whether a site's texts need a colleague's approval before they go online (small fixes excepted).</summary>
public sealed class EditorialSettings : INationalOrTenant, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; set; }
    /// <summary>The site's key (unique, also for the national site).</summary>
    public string Site { get; set; } = "";
    public bool ReviewRequired { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ContentDraftConfiguration : IEntityTypeConfiguration<ContentDraft>, IEntityTypeConfiguration<EditorialSettings>
{
    public void Configure(EntityTypeBuilder<ContentDraft> b)
    {
        b.ToTable("ContentDrafts");
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.WrittenBy).HasMaxLength(200);
        b.Property(d => d.WrittenById).HasMaxLength(100);
        b.Property(d => d.ApprovedBy).HasMaxLength(200);
        b.Property(d => d.ApprovedById).HasMaxLength(100);
        b.Property(d => d.PublishedBy).HasMaxLength(200);
        b.Property(d => d.FixNote).HasMaxLength(500);
        b.Property(d => d.Revision).IsConcurrencyToken();
        b.HasIndex(d => new { d.TenantId, d.SubjectId, d.State });
        b.Property(d => d.OpenKey).HasMaxLength(80);
        b.HasIndex(d => d.OpenKey).IsUnique();
    }

    public void Configure(EntityTypeBuilder<EditorialSettings> b)
    {
        b.ToTable("EditorialSettings");
        b.Property(s => s.Site).HasMaxLength(40);
        b.Property(s => s.ChangedBy).HasMaxLength(200);
        b.HasIndex(s => s.Site).IsUnique();
    }
}
