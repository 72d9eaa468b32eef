using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Steunpunt.Accounts;

/// <summary>
/// The token in a "wachtwoord vergeten" link: Identity's data-protection token (account, purpose, security stamp and
/// the time it was made, sealed with the app's Data Protection keys), valid for <see cref="Valid"/> by the app's
/// clock. Identity's own provider reads the system clock and is shared with the invitations (a day); this one has its
/// own protector, so neither kind of link opens the other's page. A new password changes the security stamp, which
/// makes the link work once.
/// </summary>
public sealed class ForgottenPasswordTokens(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<SteunpuntUser>
{
    public const string ProviderName = "ForgottenPassword";
    public static readonly TimeSpan Valid = TimeSpan.FromHours(1);

    private readonly IDataProtector _protector = protection.CreateProtector("Steunpunt.Accounts.ForgottenPassword");

    public async Task<string> GenerateAsync(string purpose, UserManager<SteunpuntUser> manager, SteunpuntUser user)
    {
        var payload = string.Join('\n', clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            await manager.GetUserIdAsync(user), purpose, await manager.GetSecurityStampAsync(user));
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SteunpuntUser> manager, SteunpuntUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        return parts.Length == 4
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var made)
            && clock.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(made) + Valid
            && parts[1] == await manager.GetUserIdAsync(user)
            && parts[2] == purpose
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SteunpuntUser> manager, SteunpuntUser user) => Task.FromResult(false);
}
