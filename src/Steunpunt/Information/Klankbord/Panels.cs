using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Workflow;
using Steunpunt.Tenancy;
using Steunpunt.Web.Mail;

namespace Steunpunt.Information.Klankbord;

/// <summary>
/// The klankbord's work for one steunpunt: inviting and removing members, sending drafts to a panel, the members'
/// comments and answers, and the editors' replies. Mails say only that there is something to read, never the text.
/// </summary>
public sealed class Panels(SteunpuntDb db, CurrentTenant tenant, PanelLinks links, TimeProvider clock, MailSender mail)
{
    public enum InviteResult { Sent, AlreadyMember }

    public static string EmailHash(string email) => Privacy.Fingerprint.Of("klankbord-member", email.Trim().ToLowerInvariant());

    public static string Name(Panel panel) => panel == Panel.Jongeren ? "jongerenpanel" : "klankbordgroep van ouders";

    private string Site => tenant.Value?.Name ?? "Steunpunt";

    /// <summary>Invites a member: a mail with a sign-in link valid for 7 days. <paramref name="linkFor"/> makes the
    /// absolute link from a token.</summary>
    public async Task<InviteResult> InviteAsync(string name, string email, Panel panel, Func<string, string> linkFor, CancellationToken ct)
    {
        var hash = EmailHash(email);
        if (await db.PanelMembers.AnyAsync(m => m.EmailHash == hash && m.RemovedAt == null, ct))
        {
            return InviteResult.AlreadyMember;
        }
        var now = clock.GetUtcNow();
        var member = new PanelMember { TenantId = tenant.Id!.Value, Name = name, Email = email, EmailHash = hash, Panel = panel, InvitedAt = now };
        db.PanelMembers.Add(member);
        var link = linkFor(links.Issue(member, PanelLinks.InvitationValid));
        db.QueueMail(tenant.Id, Site, email, $"Uitnodiging: {Name(panel)} van {Site}",
            $"""
            Hallo {name},

            {Site} nodigt je uit voor de {Name(panel)}. Je leest nieuwe teksten voor de website voordat ze online gaan, en je zegt wat je ervan vindt.

            Log in met deze link. De link werkt 7 dagen en één keer:
            {link}

            Is de link verlopen? Vraag dan een nieuwe link aan op de inlogpagina. Je hebt geen wachtwoord nodig.
            """, now);
        await db.SaveChangesAsync(ct);
        mail.Wake();
        return InviteResult.Sent;
    }

    /// <summary>A new sign-in link (30 minutes) for the member with this address, if there is one. The caller answers
    /// the same either way.</summary>
    public async Task RequestLinkAsync(string email, Func<string, string> linkFor, CancellationToken ct)
    {
        var hash = EmailHash(email);
        var member = await db.PanelMembers.AsNoTracking().FirstOrDefaultAsync(m => m.EmailHash == hash && m.RemovedAt == null, ct);
        if (member is null)
        {
            return;
        }
        var link = linkFor(links.Issue(member, PanelLinks.SignInValid));
        db.QueueMail(tenant.Id, Site, member.Email, $"Inloggen bij {Site}",
            $"""
            Hallo {member.Name},

            Log in met deze link. De link werkt 30 minuten en één keer:
            {link}

            Heb je geen link gevraagd? Dan hoef je niets te doen.
            """, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        mail.Wake();
    }

    /// <summary>Removes a member: name and address are erased and every session ends (the scheme checks the member on
    /// each request); their comments stay, without a name.</summary>
    public async Task<bool> RemoveAsync(Guid id, CancellationToken ct)
    {
        var member = await db.PanelMembers.FirstOrDefaultAsync(m => m.Id == id && m.RemovedAt == null, ct);
        if (member is null)
        {
            return false;
        }
        (member.Name, member.Email, member.EmailHash, member.RemovedAt) = ("", "", null, clock.GetUtcNow());
        await db.PanelSignInLinks.Where(l => l.MemberId == id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Sends a draft to panels (once each) and tells their members by mail that there is something to read.</summary>
    public async Task<int> ShareAsync(ContentDraft draft, IReadOnlyCollection<Panel> panels, string by, string readLink, CancellationToken ct)
    {
        var already = await db.DraftShares.Where(s => s.DraftId == draft.Id).Select(s => s.Panel).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = panels.Distinct().Except(already).ToList();
        foreach (var panel in added)
        {
            db.DraftShares.Add(new DraftShare { DraftId = draft.Id, Panel = panel, SharedAt = now, SharedBy = by.Length > 200 ? by[..200] : by });
        }
        var members = await db.PanelMembers.AsNoTracking().Where(m => m.RemovedAt == null && added.Contains(m.Panel)).ToListAsync(ct);
        foreach (var member in members)
        {
            db.QueueMail(tenant.Id, Site, member.Email, $"Een nieuwe tekst om te lezen bij {Site}",
                $"""
                Hallo {member.Name},

                Er staat een nieuwe tekst voor je klaar. We horen graag of de tekst duidelijk is.

                Lees de tekst hier (log in als dat nodig is):
                {readLink}
                """, now);
        }
        await db.SaveChangesAsync(ct);
        if (members.Count > 0)
        {
            mail.Wake();
        }
        return added.Count;
    }

    /// <summary>The member, while they are one.</summary>
    public Task<PanelMember?> MemberAsync(Guid id, CancellationToken ct) =>
        db.PanelMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.RemovedAt == null, ct);

    /// <summary>The open drafts sent to a panel, newest first.</summary>
    public async Task<IReadOnlyList<ContentDraft>> SharedWithAsync(Panel panel, CancellationToken ct)
    {
        var ids = db.DraftShares.Where(s => s.Panel == panel).Select(s => s.DraftId);
        return (await db.Set<ContentDraft>().AsNoTracking().Where(d => d.TenantId == tenant.Id && ids.Contains(d.Id) && d.State < DraftState.Gepubliceerd)
            .ToListAsync(ct)).OrderByDescending(d => d.UpdatedAt).ToList();
    }

    /// <summary>A draft the member may read: of this steunpunt, still open, and sent to their panel; else null (404).</summary>
    public async Task<ContentDraft?> SharedDraftAsync(PanelMember member, Guid draftId, CancellationToken ct)
    {
        if (!await db.DraftShares.AnyAsync(s => s.DraftId == draftId && s.Panel == member.Panel, ct))
        {
            return null;
        }
        var draft = await db.Set<ContentDraft>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == draftId && d.TenantId == tenant.Id, ct);
        return draft is { IsOpen: true } ? draft : null;
    }

    /// <summary>A comment as a page shows it.</summary>
    public sealed record CommentView(Guid Id, Guid DraftId, Guid MemberId, Panel Panel, string ParagraphKey, string ParagraphLabel, string Text,
        DateTimeOffset WrittenAt, string? Answer, CommentOutcome Outcome);

    public async Task<IReadOnlyList<CommentView>> CommentsOfAsync(Guid draftId, Guid? memberId, CancellationToken ct) =>
        (await db.PanelComments.AsNoTracking().Where(c => c.DraftId == draftId && (memberId == null || c.MemberId == memberId))
            .OrderBy(c => c.WrittenAt).ToListAsync(ct))
            .Select(c => new CommentView(c.Id, c.DraftId, c.MemberId, c.Panel, c.ParagraphKey, c.ParagraphLabel, c.Text, c.WrittenAt, c.Answer, c.Outcome)).ToList();

    public async Task CommentAsync(PanelMember member, Guid draftId, DraftParagraph paragraph, string text, CancellationToken ct)
    {
        db.PanelComments.Add(new PanelComment
        {
            DraftId = draftId,
            MemberId = member.Id,
            Panel = member.Panel,
            ParagraphKey = paragraph.Key,
            ParagraphLabel = paragraph.Label.Length > 200 ? paragraph.Label[..200] : paragraph.Label,
            Text = text,
            WrittenAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    public Task<Verdict?> VerdictOfAsync(Guid draftId, Guid memberId, CancellationToken ct) =>
        db.PanelVerdicts.AsNoTracking().Where(v => v.DraftId == draftId && v.MemberId == memberId).Select(v => (Verdict?)v.Answer).FirstOrDefaultAsync(ct);

    /// <summary>"Is deze tekst begrijpelijk?": one answer per member per draft; a new answer replaces the old one.</summary>
    public async Task AnswerVerdictAsync(Guid memberId, Guid draftId, Verdict answer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await db.PanelVerdicts.Where(v => v.DraftId == draftId && v.MemberId == memberId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Answer, answer).SetProperty(v => v.AnsweredAt, now), ct) > 0)
        {
            return;
        }
        db.PanelVerdicts.Add(new PanelVerdict { DraftId = draftId, MemberId = memberId, Answer = answer, AnsweredAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
        {
            // The same member answered twice at once (the unique index): keep the later answer.
            db.ChangeTracker.Clear();
            await db.PanelVerdicts.Where(v => v.DraftId == draftId && v.MemberId == memberId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Answer, answer).SetProperty(v => v.AnsweredAt, now), ct);
        }
    }

    public async Task<IReadOnlyDictionary<Verdict, int>> VerdictCountsAsync(Guid draftId, CancellationToken ct) =>
        await db.PanelVerdicts.Where(v => v.DraftId == draftId).GroupBy(v => v.Answer).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The editor's answer to a comment and what came of it.</summary>
    public async Task<bool> ReplyAsync(Guid draftId, Guid commentId, string? answer, CommentOutcome outcome, string by, CancellationToken ct)
    {
        var comment = await db.PanelComments.FirstOrDefaultAsync(c => c.Id == commentId && c.DraftId == draftId, ct);
        if (comment is null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (!string.IsNullOrEmpty(answer) && answer != comment.Answer)
        {
            (comment.Answer, comment.AnsweredBy, comment.AnsweredAt) = (answer, by.Length > 200 ? by[..200] : by, now);
        }
        if (outcome != comment.Outcome)
        {
            (comment.Outcome, comment.ResolvedAt) = (outcome, outcome == CommentOutcome.Open ? null : now);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
