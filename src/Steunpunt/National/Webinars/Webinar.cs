using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Privacy;

namespace Steunpunt.National.Webinars;

/// <summary>A webinar of the expert group, for questions that many SWVs share.</summary>
public sealed class Webinar
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Title { get; set; } = "";
    public Pillar Pillar { get; set; }
    public string Description { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public int Minutes { get; set; } = 60;
    /// <summary>The online meeting room: sent to those who registered, never shown on the public page.</summary>
    public string RoomUrl { get; set; } = "";
    public int MaxParticipants { get; set; }
    /// <summary>Places taken: claimed with one conditional update (Taken &lt; MaxParticipants) before a registration is
    /// stored, so two people at once cannot both take the last place. Not lowered when registrations are deleted later.</summary>
    public int Taken { get; set; }
    /// <summary>Afterwards: the recording, the slides and the questions with their answers.</summary>
    public string? RecordingUrl { get; set; }
    public string? SlidesUrl { get; set; }
    public string? Answers { get; set; }
    public string PlannedBy { get; set; } = "";
    public bool Cancelled { get; set; }
    /// <summary>Raised when the time or the room changes, so calendars replace the invitation (iCalendar SEQUENCE).</summary>
    public int Sequence { get; set; }

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(Minutes);
}

/// <summary>
/// Someone who registered: name, e-mail and organisation, kept until a set time after the webinar (the retention sweep
/// deletes them). The questions sent in advance are kept apart, without the person.
/// </summary>
public sealed class WebinarRegistration
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WebinarId { get; set; }
    [Confidential]
    public string Name { get; set; } = "";
    [Confidential]
    public string Email { get; set; } = "";
    /// <summary>A keyed fingerprint of the e-mail address, so one address registers once.</summary>
    public string EmailHash { get; set; } = "";
    public string Organisation { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? ReminderQueuedAt { get; set; }
}

/// <summary>A question sent in advance, without who sent it.</summary>
public sealed class WebinarQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WebinarId { get; set; }
    /// <summary>The theme the sender chose (T01–T16), or null for "iets anders": the experts see the questions grouped by it.</summary>
    public string? ThemeCode { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class WebinarConfiguration : IEntityTypeConfiguration<Webinar>
{
    public void Configure(EntityTypeBuilder<Webinar> b)
    {
        b.ToTable("Webinars");
        b.Property(w => w.Title).HasMaxLength(200);
        b.Property(w => w.Description).HasMaxLength(4000);
        b.Property(w => w.RoomUrl).HasMaxLength(500);
        b.Property(w => w.RecordingUrl).HasMaxLength(500);
        b.Property(w => w.SlidesUrl).HasMaxLength(500);
        b.Property(w => w.Answers).HasMaxLength(12000);
        b.Property(w => w.PlannedBy).HasMaxLength(200);
        b.HasIndex(w => w.StartsAt);
        b.HasMany<WebinarRegistration>().WithOne().HasForeignKey(r => r.WebinarId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<WebinarQuestion>().WithOne().HasForeignKey(q => q.WebinarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebinarRegistrationConfiguration : IEntityTypeConfiguration<WebinarRegistration>
{
    public void Configure(EntityTypeBuilder<WebinarRegistration> b)
    {
        b.ToTable("WebinarRegistrations");
        b.Property(r => r.EmailHash).HasMaxLength(100);
        b.Property(r => r.Organisation).HasMaxLength(200);
        b.HasIndex(r => new { r.WebinarId, r.EmailHash }).IsUnique();
        b.HasIndex(r => new { r.ReminderQueuedAt, r.WebinarId });
    }
}

internal sealed class WebinarQuestionConfiguration : IEntityTypeConfiguration<WebinarQuestion>
{
    public void Configure(EntityTypeBuilder<WebinarQuestion> b)
    {
        b.ToTable("WebinarQuestions");
        b.Property(q => q.Text).HasMaxLength(1000);
        b.Property(q => q.ThemeCode).HasMaxLength(3);
        b.HasIndex(q => q.WebinarId);
    }
}
