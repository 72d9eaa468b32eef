using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;
using Steunpunt.Web;
using Steunpunt.Web.Mail;

namespace Steunpunt.Questions;

/// <summary>
/// The one writer of a case after intake: what staff do with it, and the person's own replies. Every read and change
/// writes an audit entry in the same save; reads are written before the case is shown. Cases are found through the steunpunt's query filter, so another steunpunt's case
/// does not exist here.
/// </summary>
public sealed class CaseWork(SteunpuntDb db, CurrentTenant tenant, TimeProvider clock, MailSender mail, ReplyClock replyClock, ILogger<CaseWork> logger)
{
    /// <summary>How the person who asked appears in the audit (they have no account).</summary>
    public const string Requester = "vraagsteller";

    public sealed record Staff(string Id, string Name)
    {
        public static Staff From(ClaimsPrincipal user) =>
            new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.FindFirstValue("name") is { Length: > 0 } name ? name : user.Identity?.Name ?? "");
    }

    /// <summary>The case with its conversation and notes, or null; logs the read.</summary>
    public async Task<SupportCase?> ReadAsync(Guid id, Staff who, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().Include(c => c.Messages.OrderBy(m => m.At)).Include(c => c.Notes.OrderBy(n => n.At))
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is not null)
        {
            Audit(found.Id, who, CaseAction.Gelezen);
            await db.SaveChangesAsync(ct);
        }
        return found;
    }

    public async Task<bool> ReplyAsync(Guid id, Staff who, string text, string conversationPage, CancellationToken ct)
    {
        var entry = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entry is null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        db.CaseMessages.Add(new CaseMessage { CaseId = id, At = now, FromStaff = true, AuthorName = who.Name, Text = text });
        entry.AwaitingStaff = false;
        entry.LastActivityAt = now;
        if (entry.AnsweredOnTime is null && entry.FirstDueOn is { } firstDue)
        {
            entry.AnsweredOnTime = WorkingDays.DutchDate(now) <= firstDue;
        }
        if (entry.AssignedToId is null)
        {
            (entry.AssignedToId, entry.AssignedToName) = (who.Id, who.Name);
        }
        if (entry.ContactWay == ContactWay.Email && entry.Email.Length > 0)
        {
            var name = tenant.Value?.Name ?? "Steunpunt";
            // A young person reads "je", a parent or professional "u".
            string T(string u, string je) => entry.RequesterRole == RequesterRole.Jongere ? je : u;
            // Never the question or the answer: only that there is something to read, and where.
            db.QueueMail(tenant.Id, name, entry.Email, T("Er staat een nieuw bericht voor u klaar", "Er staat een nieuw bericht voor je klaar"),
                $"""
                Hallo,

                {T("Er staat een nieuw bericht voor u klaar", "Er staat een nieuw bericht voor je klaar")} van {name}.

                {T("Open uw gesprek met uw persoonlijke link, of ga naar", "Open je gesprek met je persoonlijke link, of ga naar")} {conversationPage} {T("en vul uw code in.", "en vul je code in.")}

                Met vriendelijke groet,
                {name}
                """, now);
        }
        Audit(id, who, CaseAction.Beantwoord);
        await db.SaveChangesAsync(ct);
        mail.Wake();
        return true;
    }

    public async Task<bool> AddNoteAsync(Guid id, Staff who, string text, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct))
        {
            return false;
        }
        db.CaseNotes.Add(new CaseNote { CaseId = id, At = clock.GetUtcNow(), AuthorId = who.Id, AuthorName = who.Name, Text = text });
        Audit(id, who, CaseAction.NotitieGemaakt);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Staff called the person back as agreed: what was said goes into a note, the promised call no longer
    /// waits, and the first call counts as the first answer (on time or not) like a reply does. Only a contact staff
    /// registered with a call-back number that still waits can be called back (false otherwise: nothing changes, so a
    /// second click adds nothing); null when there is no such case.</summary>
    public async Task<bool?> CalledBackAsync(Guid id, Staff who, string note, CancellationToken ct)
    {
        var entry = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entry is null)
        {
            return null;
        }
        if (entry.Channel == Channel.Formulier || entry.Phone.Length == 0 || entry.Status != CaseStatus.Open || !entry.AwaitingStaff)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        db.CaseNotes.Add(new CaseNote { CaseId = id, At = now, AuthorId = who.Id, AuthorName = who.Name, Text = note.Length > 0 ? $"Teruggebeld. {note}" : "Teruggebeld." });
        entry.AwaitingStaff = false;
        entry.LastActivityAt = now;
        if (entry.AnsweredOnTime is null && entry.FirstDueOn is { } firstDue)
        {
            entry.AnsweredOnTime = WorkingDays.DutchDate(now) <= firstDue;
        }
        Audit(id, who, CaseAction.Teruggebeld);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<bool> AssignAsync(Guid id, Staff who, Staff? to, CancellationToken ct) =>
        ChangeAsync(id, who, CaseAction.Toegewezen, c => (c.AssignedToId, c.AssignedToName) = (to?.Id, to?.Name ?? ""), ct);

    public Task<bool> UpdateAsync(Guid id, Staff who, Action<SupportCase> change, CancellationToken ct) =>
        ChangeAsync(id, who, CaseAction.Gewijzigd, change, ct);

    public Task<bool> CloseAsync(Guid id, Staff who, CancellationToken ct) =>
        ChangeAsync(id, who, CaseAction.Afgerond, c =>
        {
            c.Status = CaseStatus.Closed;
            c.ClosedAt = clock.GetUtcNow();
            c.AwaitingStaff = false;
        }, ct);

    public Task<bool> ReopenAsync(Guid id, Staff who, CancellationToken ct) =>
        ChangeAsync(id, who, CaseAction.Heropend, c =>
        {
            c.Status = CaseStatus.Open;
            c.ClosedAt = null;
        }, ct);

    /// <summary>A phone call, e-mail, walk-in or spreekuur contact, registered by staff as a case.</summary>
    public async Task<Guid> RegisterAsync(SupportCase contact, string summary, Staff who, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        contact.Status = CaseStatus.Open;
        contact.LastActivityAt = now;
        contact.Sector = Sectors.Of(contact.Phase);
        (contact.AssignedToId, contact.AssignedToName) = (who.Id, who.Name);
        db.Cases.Add(contact);
        db.CaseNotes.Add(new CaseNote { CaseId = contact.Id, At = now, AuthorId = who.Id, AuthorName = who.Name, Text = summary });
        Audit(contact.Id, who, CaseAction.Aangemaakt);
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }

    private async Task<bool> ChangeAsync(Guid id, Staff who, CaseAction action, Action<SupportCase> change, CancellationToken ct)
    {
        var entry = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entry is null)
        {
            return false;
        }
        change(entry);
        entry.LastActivityAt = clock.GetUtcNow();
        Audit(id, who, action);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The person's reply on their conversation page: stored once (the same form with the same text is the
    /// same reply), the case back with staff and due again, and the audit row, in one save.</summary>
    public async Task RequesterReplyAsync(Guid caseId, string key, string text, CancellationToken ct)
    {
        var replyHash = SubmissionKeys.Hash(SubmissionKeys.Submission("reply", tenant.Id, key, caseId.ToString(), text));
        if (await db.CaseMessages.AnyAsync(m => m.CaseId == caseId && m.SubmissionHash == replyHash, ct))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var tracked = await db.Cases.SingleAsync(c => c.Id == caseId, ct);
        db.CaseMessages.Add(new CaseMessage { CaseId = tracked.Id, At = now, Text = text, SubmissionHash = replyHash });
        tracked.AwaitingStaff = true;
        tracked.ReplyDueOn = await replyClock.DueOnAsync(now, ct);
        tracked.LastActivityAt = now;
        if (tracked.Status == CaseStatus.Closed)
        {
            tracked.Status = CaseStatus.Open;
            tracked.ClosedAt = null;
        }
        db.CaseAudit.Add(new CaseAuditEntry { CaseId = tracked.Id, At = now, UserName = Requester, Action = CaseAction.ReactieOntvangen });
        try
        {
            await db.SaveChangesAsync(ct);
            QuestionsLog.RequesterReplied(logger, tracked.Id);
        }
        catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
        {
            // The same reply arrived twice at once and the other request stored it: nothing is lost.
            db.ChangeTracker.Clear();
            if (!await db.CaseMessages.AnyAsync(m => m.SubmissionHash == replyHash, ct))
            {
                throw;
            }
        }
    }

    private void Audit(Guid caseId, Staff who, CaseAction action)
    {
        db.CaseAudit.Add(new CaseAuditEntry { CaseId = caseId, At = clock.GetUtcNow(), UserId = who.Id, UserName = who.Name, Action = action });
        QuestionsLog.CaseChanged(logger, caseId, action, who.Id);
    }
}
