using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Steunpunt.Accounts;

/// <summary>Two-step sign-in with an authenticator app (TOTP, RFC 6238, Identity's own authenticator provider).</summary>
public static class TwoStep
{
    /// <summary>Every account must set up two steps: every role reads cases, changes public content or reads reports.</summary>
    public static async Task<bool> RequiredAsync(UserManager<SteunpuntUser> users, SteunpuntUser user) =>
        !await users.GetTwoFactorEnabledAsync(user);

    /// <summary>Where an account lands after signing in, when it did not ask for a page: its own work.</summary>
    public static string LandingPage(IList<string> roles) =>
        roles.Contains(Policies.Staff) || roles.Contains(Policies.Coordinator) ? "/Questions/Inbox/Index"
        : roles.Contains(Policies.Board) ? "/Signals/Reports/Report"
        : roles.Contains(Policies.NationalAdmin) && !roles.Contains(Policies.NationalEditor) ? "/National/Steunpunten/Index"
        : roles.Contains(Policies.Ministry) ? "/National/Monitor/Index"
        : roles.Contains(Policies.Expert) && !roles.Contains(Policies.NationalEditor) ? "/National/Experts/Queue"
        : "/Information/Editing/Index";

    public static Claim MfaClaim => new(Policies.MfaClaim, Policies.MfaValue);

    /// <summary>Accepts "123 456" as typed.</summary>
    public static string Normalise(string? code) => new([.. (code ?? "").Where(char.IsAsciiDigit)]);
}
