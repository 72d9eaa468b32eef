using Microsoft.AspNetCore.Identity;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Web;
using Steunpunt.Web.Mail;

namespace Steunpunt.Accounts;

/// <summary>
/// "Wachtwoord vergeten": a mail with a link to choose a new password, for any account that may sign in. The person
/// who asks always gets the same answer; an unknown or removed address costs the same token work and sends nothing.
/// An account without a working two-step sign-in (never set up, or reset by the coordinator) gets no link, since the
/// link alone would then be enough to take it over: its mail says to ask the coordinator.
/// The link works for an hour and once (<see cref="ForgottenPasswordTokens"/>). A new password follows the same rules
/// as every password, ends every session of the account (security stamp, see <see cref="Sessions"/>) and leaves the
/// two-step sign-in as it is: the next sign-in asks the password and the code.
/// </summary>
public sealed partial class ForgottenPasswords(UserManager<SteunpuntUser> users, SteunpuntDb db, TimeProvider clock, MailSender mail,
    TenantDirectory directory, PublicAddress address, LinkGenerator links, ILogger<ForgottenPasswords> logger)
{
    public enum ResetResult { Done, LinkNotValid, WeakPassword }

    // Tokens for unknown addresses are made for this account, which exists nowhere.
    private static readonly SteunpuntUser s_decoy = new() { UserName = "decoy", Email = "decoy@invalid" };

    /// <summary>Queues the mail when the address belongs to an account that may sign in; does nothing else otherwise.</summary>
    public async Task RequestAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        if (user?.Email is null || Removed(user))
        {
            await users.GenerateUserTokenAsync(s_decoy, ForgottenPasswordTokens.ProviderName, UserManager<SteunpuntUser>.ResetPasswordTokenPurpose);
            return;
        }
        if (!user.TwoFactorEnabled)
        {
            await users.GenerateUserTokenAsync(s_decoy, ForgottenPasswordTokens.ProviderName, UserManager<SteunpuntUser>.ResetPasswordTokenPurpose);
            var (home, _) = await LinkAsync(user, "-", ct);
            db.QueueMail(user.TenantId, home, user.Email, $"Nieuw wachtwoord voor {home}",
                $"""
                Hallo {user.DisplayName},

                Iemand heeft gevraagd om een nieuw wachtwoord voor uw account bij {home}.

                Voor uw account is inloggen in twee stappen nog niet ingesteld. Daarom kunt u uw wachtwoord niet zelf opnieuw kiezen. Vraag {(user.TenantId is null ? "landelijk beheer" : "de coördinator van uw steunpunt")} om u opnieuw uit te nodigen.

                Heeft u niet om een nieuw wachtwoord gevraagd? Dan hoeft u niets te doen.
                """, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            mail.Wake();
            return;
        }
        var token = await users.GenerateUserTokenAsync(user, ForgottenPasswordTokens.ProviderName, UserManager<SteunpuntUser>.ResetPasswordTokenPurpose);
        var (site, link) = await LinkAsync(user, token, ct);
        db.QueueMail(user.TenantId, site, user.Email, $"Nieuw wachtwoord voor {site}",
            $"""
            Hallo {user.DisplayName},

            Iemand heeft gevraagd om een nieuw wachtwoord voor uw account bij {site}. Was u dat? Kies dan een nieuw wachtwoord met deze link:
            {link}

            De link werkt 1 uur, en maar één keer. Is de link verlopen? Vraag dan een nieuwe link aan op de inlogpagina, bij ‘Wachtwoord vergeten?’.

            Als u een nieuw wachtwoord heeft gekozen, logt u in zoals altijd: met uw wachtwoord en de code uit uw app.

            Heeft u niet om een nieuw wachtwoord gevraagd? Dan hoeft u niets te doen. Uw wachtwoord blijft dan hetzelfde.
            """, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        mail.Wake();
        LogRequested(logger, user.Id);
    }

    /// <summary>The account a link is for, while the link still works and the account may sign in; else null.</summary>
    public async Task<SteunpuntUser?> AccountOfLinkAsync(string? id, string? token)
    {
        var user = string.IsNullOrEmpty(id) || string.IsNullOrEmpty(token) ? null : await users.FindByIdAsync(id);
        return user is not null && !Removed(user) && user.TwoFactorEnabled
            && await users.VerifyUserTokenAsync(user, ForgottenPasswordTokens.ProviderName, UserManager<SteunpuntUser>.ResetPasswordTokenPurpose, token!)
            ? user : null;
    }

    public async Task<ResetResult> ResetAsync(string? id, string? token, string password)
    {
        if (await AccountOfLinkAsync(id, token) is not { } user)
        {
            return ResetResult.LinkNotValid;
        }
        // The link is checked above; Identity's own reset then checks the password against the same rules as every
        // other and saves it with a new security stamp in one update.
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (result.Succeeded)
        {
            LogReset(logger, user.Id);
            return ResetResult.Done;
        }
        // Any other failure (the same link used at the same moment: a concurrency failure) means the link is used up.
        return result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? ResetResult.WeakPassword : ResetResult.LinkNotValid;
    }

    /// <summary>An account closed for good (its steunpunt was removed): locked without an end. A lock after wrong
    /// passwords ends after a few minutes and does not stop a new password.
    /// (Stored instants may lose precision, so "for good" is any lock ending more than fifty years from now.)</summary>
    private bool Removed(SteunpuntUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow().AddYears(50);

    /// <summary>The link on the account's own steunpunt (the national site for national roles), whichever site was used
    /// to ask: that is where the account signs in.</summary>
    private async Task<(string Site, string Link)> LinkAsync(SteunpuntUser user, string token, CancellationToken ct)
    {
        var path = links.GetPathByPage("/Accounts/SignIn/ResetPassword", values: new { id = user.Id, token })
            ?? throw new InvalidOperationException("The reset page has no route.");
        if (user.TenantId is { } tenantId
            && (await directory.GetAsync(ct)).BySlug.Values.FirstOrDefault(t => t.Id == tenantId) is { } steunpunt)
        {
            // A steunpunt being set up: its own host name may not point here yet.
            return (steunpunt.Name, address.LinkFor(steunpunt.InOprichting ? steunpunt with { Hosts = [] } : steunpunt, path));
        }
        return ("Steunpunt (landelijk)", new Uri(address.Base(null), path.TrimStart('/')).ToString());
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "A new-password link was mailed for account {UserId}")]
    private static partial void LogRequested(ILogger logger, string userId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Account {UserId} chose a new password through a mailed link")]
    private static partial void LogReset(ILogger logger, string userId);
}
