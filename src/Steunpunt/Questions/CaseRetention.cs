using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.Questions;

/// <summary>
/// The retention period of a case: when it has passed, the personal part of the case is deleted (name, e-mail address,
/// phone number and call times, who the person was referred to, the personal link and code, every message and note),
/// and what the counts need stays (when, channel, who asked, phase, gemeente, themes, help given, outcome). The
/// period starts at the last activity of a closed case, or at the removal of its steunpunt for a case still open
/// there. Written in the steunpunt's audit log.
/// </summary>
public static class CaseRetention
{
    public const string Actor = "bewaartermijn";

    public static async Task<int> AnonymiseDueAsync(SteunpuntDb db, TimeSpan keep, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - keep;
        var removed = await db.Tenants.AsNoTracking().Where(t => t.RemovedAt != null && t.RemovedAt <= before).Select(t => t.Id).ToListAsync(ct);
        var due = await db.Cases.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(c => c.AnonymisedAt == null && ((c.Status == CaseStatus.Closed && c.LastActivityAt <= before) || removed.Contains(c.TenantId)))
            .OrderBy(c => c.LastActivityAt).Take(200).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var ids = due.Select(c => c.Id).ToList();
        await db.CaseMessages.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(m => ids.Contains(m.CaseId)).ExecuteDeleteAsync(ct);
        await db.CaseNotes.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(n => ids.Contains(n.CaseId)).ExecuteDeleteAsync(ct);
        foreach (var c in due)
        {
            (c.ContactName, c.Email, c.Phone, c.PhoneWindows, c.ReferredTo) = ("", "", "", "", "");
            (c.LinkHash, c.CodeHash, c.HealthConsentAt, c.AnonymisedAt) = (null, null, null, now);
            db.CaseAudit.Add(new CaseAuditEntry { TenantId = c.TenantId, CaseId = c.Id, At = now, UserName = Actor, Action = CaseAction.Geanonimiseerd });
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
