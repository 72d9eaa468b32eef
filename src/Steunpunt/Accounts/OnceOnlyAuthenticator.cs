using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Steunpunt.Data;

namespace Steunpunt.Accounts;

/// <summary>
/// The authenticator-app check (TOTP, RFC 6238: 30-second steps, one step of clock difference either way), with one
/// rule more than Identity's own: a code is accepted once. The last accepted step is kept on the account and moved on
/// with a conditional update, so a code seen over someone's shoulder, or sent twice at once, does not sign in again.
/// </summary>
public sealed class OnceOnlyAuthenticator(SteunpuntDb db, TimeProvider clock) : IUserTwoFactorTokenProvider<SteunpuntUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SteunpuntUser> manager, SteunpuntUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The app on the person's phone makes the codes; nothing is sent.
    public Task<string> GenerateAsync(string purpose, UserManager<SteunpuntUser> manager, SteunpuntUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SteunpuntUser> manager, SteunpuntUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        var taken = await db.Users.Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorStep, step));
        // Identity saves the whole account after a sign-in; it must save this step too, not the one it read before.
        user.LastAuthenticatorStep = Math.Max(user.LastAuthenticatorStep ?? 0, step);
        return taken == 1;
    }
}
