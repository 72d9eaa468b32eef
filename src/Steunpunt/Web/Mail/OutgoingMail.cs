using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Privacy;

namespace Steunpunt.Web.Mail;

/// <summary>
/// The outbox: a mail is a row written in the same save as the change it tells about, and a worker sends it. A
/// restart loses nothing. Address and body are encrypted; both are cleared once the mail is sent.
/// </summary>
public sealed class OutgoingMail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The steunpunt the mail is sent for (its name is the sender's name); not a query filter: the
    /// worker sends for every steunpunt.</summary>
    public Guid? TenantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string FromName { get; set; } = "";
    [Confidential]
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    [Confidential]
    public string Body { get; set; } = "";
    /// <summary>An iCalendar invitation (RFC 5545) sent as an attachment, or empty; cleared once sent like the body.</summary>
    [Confidential]
    public string Calendar { get; set; } = "";
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> b)
    {
        b.ToTable("OutgoingMail");
        b.Property(m => m.FromName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(500);
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

public static class MailData
{
    extension(SteunpuntDb db)
    {
        public DbSet<OutgoingMail> OutgoingMail => db.Set<OutgoingMail>();

        /// <summary>Queues a mail; it is written with the caller's next SaveChanges.</summary>
        public void QueueMail(Guid? tenantId, string fromName, string to, string subject, string body, DateTimeOffset now, string calendar = "") =>
            db.OutgoingMail.Add(new OutgoingMail
            {
                Calendar = calendar,
                TenantId = tenantId,
                FromName = fromName,
                To = to,
                Subject = subject,
                Body = body,
                CreatedAt = now,
                NextAttemptAt = now,
            });
    }
}
