using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Klankbord;

/// <summary>
/// The klankbordgroep and youth panel in the app: editors invite members and send them drafts; members sign in with a
/// one-time link (no password) and see only the drafts sent to their panel. Steunpunt sites only: on the national site
/// every page here is 404 (the national set has no klankbordgroep of its own).
/// </summary>
public static class KlankbordFeature
{
    public static void AddKlankbord(this WebApplicationBuilder builder)
    {
        builder.Services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.SteunpuntOnlyFolder("/Information/Klankbord");
            // Editors: members, sending a draft, the participation log.
            o.Conventions.AuthorizePage("/Information/Klankbord/Index", Policies.EditsThisSite);
            o.Conventions.AuthorizePage("/Information/Klankbord/Draft", Policies.EditsThisSite);
            o.Conventions.AuthorizePage("/Information/Klankbord/Report", Policies.EditsThisSite);
            // Members: the link (or a new one) is the key; the drafts sent to them need the member's own sign-in.
            o.Conventions.AllowAnonymousToFolder("/Information/Klankbord/SignIn");
            o.Conventions.AuthorizeFolder("/Information/Klankbord/Member", Policies.PanelMember);
        });
        builder.Services.AddAuthentication().AddCookie(Policies.PanelScheme, o =>
        {
            o.LoginPath = "/klankbord/inloggen";
            o.LogoutPath = "/klankbord/uitloggen";
            o.Cookie.Name = "steunpunt.klankbord";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
        builder.Services.AddScoped<IAuthorizationHandler, PanelMemberHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.PanelMember, p => p.AddAuthenticationSchemes(Policies.PanelScheme).RequireClaim(Policies.PanelMemberClaim)
                .AddRequirements(new PanelMemberRequirement()));
        builder.Services.AddScoped<PanelLinks>();
        builder.Services.AddScoped<Panels>();
        builder.Services.AddScoped<Surface.PanelParticipation>();
    }

    /// <summary>A member's sign-in lasts only while they are a member: every request checks that the member still
    /// exists (a removed member's sessions end at once), as <see cref="Sessions"/> does for staff.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = Guid.TryParse(context.Principal?.FindFirstValue(Policies.PanelMemberClaim), out var g) ? g : (Guid?)null;
        bool exists;
        try
        {
            // Across steunpunten: a member of another steunpunt is refused by the policy (404), not taken for a visitor.
            exists = id is not null && await context.HttpContext.RequestServices.GetRequiredService<SteunpuntDb>().PanelMembers
                .IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AnyAsync(m => m.Id == id && m.RemovedAt == null, context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            context.HttpContext.Items[Sessions.UncheckedKey] = true;
            context.RejectPrincipal();
            return;
        }
        if (!exists)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Policies.PanelScheme);
        }
    }

    public static ClaimsPrincipal Principal(PanelMember member) =>
        new(new ClaimsIdentity(
            [new Claim(Policies.PanelMemberClaim, member.Id.ToString()), new Claim(Policies.TenantClaim, member.TenantId.ToString())],
            Policies.PanelScheme));

    public static Guid? MemberId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Policies.PanelMemberClaim), out var id) ? id : null;
}

public sealed class PanelMemberRequirement : IAuthorizationRequirement;

/// <summary>A member reads only at their own steunpunt.</summary>
public sealed class PanelMemberHandler(CurrentTenant tenant) : AuthorizationHandler<PanelMemberRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PanelMemberRequirement requirement)
    {
        if (tenant.Id is { } id && context.User.HasClaim(Policies.TenantClaim, id.ToString()) && context.User.HasClaim(c => c.Type == Policies.PanelMemberClaim))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
