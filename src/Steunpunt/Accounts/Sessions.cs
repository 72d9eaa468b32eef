using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Accounts;

/// <summary>
/// A sign-in lasts only as long as the account's security stamp: every request of a signed-in person compares the
/// stamp in the cookie with the account's, so a sign-out (which changes the stamp), a reset of the two-step sign-in
/// or a new password ends every session of that account at once, on every device and instance. One small query per
/// signed-in request; public pages carry no cookie and pay nothing.
/// </summary>
public static class Sessions
{
    /// <summary>Set on a request whose sign-in could not be checked because the database is away.</summary>
    public const string UncheckedKey = "Sessions.Unchecked";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = principal?.FindFirstValue(options.UserIdClaimType);
        var stamp = principal?.FindFirstValue(options.SecurityStampClaimType);
        string? current;
        try
        {
            current = id is null ? null : await context.HttpContext.RequestServices.GetRequiredService<SteunpuntDb>().Users.AsNoTracking()
                .Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            // Unchecked is not signed in: this request goes on as a visitor's (public pages, cached ones too, still
            // work), keeping the cookie for later; a page that needs the sign-in answers 503 (AccountsFeature).
            context.HttpContext.Items[UncheckedKey] = true;
            context.RejectPrincipal();
            return;
        }
        if (stamp is null || current is null || !string.Equals(stamp, current, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
