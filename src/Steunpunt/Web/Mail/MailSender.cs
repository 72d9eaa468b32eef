using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Steunpunt.Data;

namespace Steunpunt.Web.Mail;

/// <summary>Sends the outbox: claims a due row (so two instances never send one mail twice at once), sends it over
/// SMTP with MailKit or drops it in the pickup folder, then marks it sent and clears its address and body. Failures are retried
/// with growing pauses.</summary>
public sealed partial class MailSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock,
    IHostEnvironment environment, Readiness readiness, ILogger<MailSender> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Asks the worker to look now instead of at the next tick.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        if (string.IsNullOrWhiteSpace(options.Value.Host) && !environment.IsDevelopment())
        {
            // A receipt mail holds the person's personal link: as a file next to the data it is readable by anyone
            // with a copy of the folder.
            LogWritingFiles(logger, options.Value.PickupFolder ?? Path.Combine(environment.ContentRootPath, "data", "mail"));
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (DatabaseFaults.IsOutage(e))
            {
                // The mails wait in the database; they go out once it is back.
                LogDatabaseAway(logger, e.GetType().Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendLoopFailed(logger, e);
            }
            try
            {
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends up to 20 due mails; returns how many it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
        var now = clock.GetUtcNow();
        var due = await db.OutgoingMail.Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(20).ToListAsync(ct);
        var handled = 0;
        foreach (var id in due)
        {
            // Claim: only the instance whose update hits the row sends it.
            var claimedUntil = now.AddMinutes(5);
            var claimed = await db.OutgoingMail.Where(m => m.Id == id && m.SentAt == null && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimedUntil), ct);
            if (claimed == 0)
            {
                continue;
            }
            var mail = await db.OutgoingMail.SingleAsync(m => m.Id == id, ct);
            try
            {
                await DeliverAsync(mail, ct);
                mail.SentAt = clock.GetUtcNow();
                // Sent: the row keeps only that it was sent. The address may have been typed for this one mail.
                mail.Body = "";
                mail.To = "";
                mail.Calendar = "";
                mail.LastError = "";
                LogSent(logger, mail.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                mail.Attempts++;
                mail.NextAttemptAt = clock.GetUtcNow().AddMinutes(Math.Min(60, Math.Pow(2, mail.Attempts)));
                mail.LastError = e.GetType().Name;
                LogSendFailed(logger, mail.Id, mail.Attempts, e.GetType().Name);
            }
            await db.SaveChangesAsync(ct);
            handled++;
        }
        return handled;
    }

    private async Task DeliverAsync(OutgoingMail mail, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, o.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = $"{mail.Id:N}@steunpunt";
        var text = new TextPart("plain") { Text = mail.Body };
        if (mail.Calendar.Length == 0)
        {
            message.Body = text;
        }
        else
        {
            // The invitation as an attachment calendars open ("uitnodiging.ics"), with METHOD:REQUEST.
            var invite = new MimePart("text", "calendar")
            {
                Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Calendar))),
                ContentTransferEncoding = ContentEncoding.Base64,
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "uitnodiging.ics" },
            };
            invite.ContentType.Parameters.Add("method", "REQUEST");
            invite.ContentType.Charset = "utf-8";
            message.Body = new Multipart("mixed") { text, invite };
        }
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            var folder = o.PickupFolder ?? Path.Combine(environment.ContentRootPath, "data", "mail");
            Directory.CreateDirectory(folder);
            await message.WriteToAsync(Path.Combine(folder, $"{mail.Id:N}.eml"), ct);
            return;
        }
        using var smtp = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(o.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTls;
        await smtp.ConnectAsync(o.Host, o.Port, security, ct);
        if (!string.IsNullOrWhiteSpace(o.UserName))
        {
            await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Mail {MailId} sent")]
    private static partial void LogSent(ILogger logger, Guid mailId);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Mail {MailId} not sent (attempt {Attempt}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, Guid mailId, int attempt, string error);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "Mail:Host is not set: mails, with personal links in them, are written as files to {Folder}; set Mail:Host for real delivery")]
    private static partial void LogWritingFiles(ILogger logger, string folder);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "The mail worker cannot reach the database ({Error}); it tries again at the next tick")]
    private static partial void LogDatabaseAway(ILogger logger, string error);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Error, Message = "The mail worker failed; it tries again at the next tick")]
    private static partial void LogSendLoopFailed(ILogger logger, Exception exception);
}
