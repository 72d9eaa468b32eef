using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Privacy;

namespace Steunpunt.Information.Klankbord;

/// <summary>
/// One-time sign-in links for klankbord members: 128 random bits, stored only as a keyed fingerprint, valid for a short
/// time (an invitation longer than a link asked for) and used once: the first sign-in claims it with one conditional
/// update, so two clicks at the same moment sign in once.
/// </summary>
public sealed class PanelLinks(SteunpuntDb db, TimeProvider clock)
{
    public static readonly TimeSpan SignInValid = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan InvitationValid = TimeSpan.FromDays(7);

    public static string Hash(string token) => Fingerprint.Of("klankbord-link", token.Trim());

    /// <summary>Adds a new link for the member (written with the caller's next save) and returns its token.</summary>
    public string Issue(PanelMember member, TimeSpan valid)
    {
        var token = Web.SubmissionKeys.New();
        db.PanelSignInLinks.Add(new PanelSignInLink { TenantId = member.TenantId, MemberId = member.Id, Hash = Hash(token), ExpiresAt = clock.GetUtcNow() + valid });
        return token;
    }

    /// <summary>Uses the link: the member it signs in, or null when it is unknown, used, expired, of another steunpunt
    /// (the tenant filter) or of a removed member.</summary>
    public async Task<PanelMember?> ClaimAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        if (await db.PanelSignInLinks.Where(l => l.Hash == hash && l.UsedAt == null && l.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct) != 1)
        {
            return null;
        }
        var memberId = await db.PanelSignInLinks.Where(l => l.Hash == hash).Select(l => l.MemberId).SingleAsync(ct);
        return await db.PanelMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.RemovedAt == null, ct);
    }
}
