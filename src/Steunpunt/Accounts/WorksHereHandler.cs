using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Steunpunt.Tenancy;

namespace Steunpunt.Accounts;

/// <summary>Staff work for one steunpunt: the role, this steunpunt, and a two-step sign-in.</summary>
public sealed class WorksHereRequirement(string role) : IAuthorizationRequirement
{
    public string Role { get; } = role;
}

public sealed class WorksHereHandler(CurrentTenant tenant) : AuthorizationHandler<WorksHereRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WorksHereRequirement requirement)
    {
        if (IsStaffHere(context.User, tenant, requirement.Role) && HasTwoSteps(context.User))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    public static bool IsStaffHere(ClaimsPrincipal user, CurrentTenant tenant, string role) =>
        tenant.Id is { } id && user.IsInRole(role) && user.HasClaim(Policies.TenantClaim, id.ToString());

    public static bool HasTwoSteps(ClaimsPrincipal user) => user.HasClaim(Policies.MfaClaim, Policies.MfaValue);
}

/// <summary>
/// A signed-in account without the second step is sent to set it up (or give its code) wherever a page is refused;
/// every account signs in with two steps. Where a case or a report is concerned, any other refusal is a 404: for
/// someone who may not see it, it does not exist.
/// </summary>
public sealed class CaseRefusalHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // The national layer's pages do not exist on a steunpunt's address: "niet gevonden", not "log in". Nor do the
        // klankbord's pages on the national site.
        var national = context.RequestServices.GetRequiredService<Tenancy.CurrentTenant>().IsNational;
        if (!authorizeResult.Succeeded && (policy.Requirements.Any(r => r is INationalSiteRequirement) && !national
            || national && policy.AuthenticationSchemes.Contains(Policies.PanelScheme)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        // A klankbord member (still a member: the scheme checks on every request) reads drafts and nothing else: any
        // other page that refuses is "niet gevonden" for them, never the staff sign-in; so is a member page of another
        // steunpunt.
        if (!authorizeResult.Succeeded && (authorizeResult.Forbidden || !policy.AuthenticationSchemes.Contains(Policies.PanelScheme))
            && (await context.AuthenticateAsync(Policies.PanelScheme)).Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await Refuse(next, context, policy, authorizeResult);
    }

    private Task Refuse(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true && !WorksHereHandler.HasTwoSteps(context.User))
        {
            var links = context.RequestServices.GetRequiredService<LinkGenerator>();
            context.Response.Redirect(links.GetPathByPage(context, "/Accounts/SignIn/TwoStepSetup",
                values: new { ReturnUrl = (context.Request.PathBase + context.Request.Path).Value })!);
            return Task.CompletedTask;
        }
        if (authorizeResult.Forbidden && policy.Requirements.Any(r => r is WorksHereRequirement or ReadsReportsRequirement))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Board reports and the signal register: this steunpunt's staff (two steps) or a board member of one of
/// its SWVs. Neither is ever a way into a case.</summary>
public sealed class ReadsReportsRequirement : IAuthorizationRequirement;

public sealed class ReadsReportsHandler(CurrentTenant tenant) : AuthorizationHandler<ReadsReportsRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadsReportsRequirement requirement)
    {
        var user = context.User;
        if ((WorksHereHandler.IsStaffHere(user, tenant, Policies.Staff) && WorksHereHandler.HasTwoSteps(user))
            || (WorksHereHandler.IsStaffHere(user, tenant, Policies.Board) && WorksHereHandler.HasTwoSteps(user) && user.HasClaim(c => c.Type == Policies.PartnershipClaim)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    public static Guid? BoardPartnership(ClaimsPrincipal user) =>
        user.IsInRole(Policies.Board) && !user.IsInRole(Policies.Staff) && Guid.TryParse(user.FindFirstValue(Policies.PartnershipClaim), out var id) ? id : null;
}
