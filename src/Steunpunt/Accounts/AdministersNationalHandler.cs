using Microsoft.AspNetCore.Authorization;
using Steunpunt.Tenancy;

namespace Steunpunt.Accounts;

/// <summary>A requirement met only on the national site: its pages do not exist on a steunpunt's address, so a refusal
/// there is a 404 ("niet gevonden"), not a sign-in (see <see cref="CaseRefusalHandler"/>).</summary>
public interface INationalSiteRequirement : IAuthorizationRequirement;

public sealed class AdministersNationalRequirement : INationalSiteRequirement;

/// <summary>The national administrator works on the national site only, and only after two steps.</summary>
public sealed class AdministersNationalHandler(CurrentTenant tenant) : AuthorizationHandler<AdministersNationalRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdministersNationalRequirement requirement)
    {
        if (tenant.IsNational && context.User.IsInRole(Policies.NationalAdmin) && context.User.HasClaim(Policies.MfaClaim, Policies.MfaValue))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public sealed class ReadsMonitorRequirement : INationalSiteRequirement;

/// <summary>The national monitor: the administrator or the ministry, on the national site only, after two steps.</summary>
public sealed class ReadsMonitorHandler(CurrentTenant tenant) : AuthorizationHandler<ReadsMonitorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadsMonitorRequirement requirement)
    {
        if (tenant.IsNational && (context.User.IsInRole(Policies.NationalAdmin) || context.User.IsInRole(Policies.Ministry))
            && context.User.HasClaim(Policies.MfaClaim, Policies.MfaValue))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>A national role (or one of several), on the national site only, after two steps.</summary>
public sealed class NationalRoleRequirement(params string[] roles) : INationalSiteRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

public sealed class NationalRoleHandler(CurrentTenant tenant) : AuthorizationHandler<NationalRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NationalRoleRequirement requirement)
    {
        if (tenant.IsNational && requirement.Roles.Any(context.User.IsInRole) && context.User.HasClaim(Policies.MfaClaim, Policies.MfaValue))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
