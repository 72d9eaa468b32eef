using Microsoft.AspNetCore.Authorization;
using Steunpunt.Tenancy;

namespace Steunpunt.Accounts;

public sealed class EditsThisSiteRequirement : IAuthorizationRequirement;

/// <summary>An editor may edit the site they are on, never another steunpunt's.</summary>
public sealed class EditsThisSiteHandler(CurrentTenant tenant) : AuthorizationHandler<EditsThisSiteRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EditsThisSiteRequirement requirement)
    {
        var user = context.User;
        if (tenant.Id is { } id)
        {
            if (user.IsInRole(Policies.Editor) && user.HasClaim(Policies.TenantClaim, id.ToString()))
            {
                context.Succeed(requirement);
            }
        }
        else if (user.IsInRole(Policies.NationalEditor))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
