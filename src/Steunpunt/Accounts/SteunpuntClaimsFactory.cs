using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Steunpunt.Accounts;

/// <summary>Puts the account's steunpunt into the sign-in cookie, so policies need no database call.</summary>
public sealed class SteunpuntClaimsFactory(UserManager<SteunpuntUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SteunpuntUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SteunpuntUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TenantId is { } tenantId)
        {
            identity.AddClaim(new Claim(Policies.TenantClaim, tenantId.ToString()));
        }
        if (user.PartnershipId is { } partnershipId)
        {
            identity.AddClaim(new Claim(Policies.PartnershipClaim, partnershipId.ToString()));
        }
        identity.AddClaim(new Claim("name", user.DisplayName));
        return identity;
    }
}
