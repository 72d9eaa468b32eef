using Microsoft.AspNetCore.Identity;
using Steunpunt.Data;
using Steunpunt.Web.Mail;

namespace Steunpunt.Accounts;

/// <summary>
/// Inviting someone to an account: the account is made without a password, and a mail with a link lets them choose
/// one (at the first sign-in they also set up two-step sign-in). Used by a coordinator for the team and by the
/// national administrator for a new steunpunt's first coordinator.
/// </summary>
public sealed class Invitations(UserManager<SteunpuntUser> users, SteunpuntDb db, TimeProvider clock, MailSender mail)
{
    public enum Result { Sent, EmailTaken, Failed }

    /// <summary>Makes the account (unless the e-mail address has one) and queues the mail; <paramref name="setPasswordLink"/>
    /// makes the absolute link to the page where they choose a password, from e-mail and token.</summary>
    public async Task<Result> InviteAsync(string name, string email, string[] roles, Guid? tenantId, Guid? partnershipId, string site,
        Func<string, string, string> setPasswordLink, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Result.EmailTaken;
        }
        var user = new SteunpuntUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name.Trim(),
            TenantId = tenantId,
            PartnershipId = partnershipId,
        };
        if (!(await users.CreateAsync(user)).Succeeded)
        {
            return Result.Failed;
        }
        await users.AddToRolesAsync(user, roles);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = setPasswordLink(user.Email!, token);
        db.QueueMail(tenantId, site, user.Email!, $"Je account bij {site}",
            $"""
            Hallo {user.DisplayName},

            Er is een account voor je gemaakt bij {site}. Kies je wachtwoord met deze link:
            {link}

            Bij de eerste keer inloggen stel je ook inloggen in twee stappen in, met een app op je telefoon.
            """, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        mail.Wake();
        return Result.Sent;
    }
}
