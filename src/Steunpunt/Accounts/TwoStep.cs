using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Steunpunt.Accounts;

/// <summary>Two-step sign-in with an authenticator app (TOTP, RFC 6238, Identity's own authenticator provider).</summary>
public static class TwoStep
{
    /// <summary>Staff and coordinators must use two steps; editors may.</summary>
    public static async Task<bool> RequiredAsync(UserManager<SteunpuntUser> users, SteunpuntUser user) =>
        (await users.IsInRoleAsync(user, Policies.Staff) || await users.IsInRoleAsync(user, Policies.Coordinator))
        && !await users.GetTwoFactorEnabledAsync(user);

    public static Claim MfaClaim => new(Policies.MfaClaim, Policies.MfaValue);

    /// <summary>Accepts "123 456" as typed.</summary>
    public static string Normalise(string? code) => new([.. (code ?? "").Where(char.IsAsciiDigit)]);
}
