using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Steunpunt.Data;

namespace Steunpunt.Accounts;

public static class AccountsFeature
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<SteunpuntUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<SteunpuntDb>()
            .AddClaimsPrincipalFactory<SteunpuntClaimsFactory>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/inloggen";
            o.LogoutPath = "/account/uitloggen";
            o.AccessDeniedPath = "/account/geen-toegang";
            o.Cookie.Name = "steunpunt.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        builder.Services.AddScoped<IAuthorizationHandler, EditsThisSiteHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, WorksHereHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, ReadsReportsHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, CaseRefusalHandler>();
        builder.Services.AddAuthorizationBuilder()
            // Closed by default: a page that no convention opened needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.EditsThisSite, p => p.RequireAuthenticatedUser().AddRequirements(new EditsThisSiteRequirement()))
            .AddPolicy(Policies.WorksHere, p => p.RequireAuthenticatedUser().AddRequirements(new WorksHereRequirement(Policies.Staff)))
            .AddPolicy(Policies.ReadsReports, p => p.RequireAuthenticatedUser().AddRequirements(new ReadsReportsRequirement()))
            .AddPolicy(Policies.CoordinatesHere, p => p.RequireAuthenticatedUser().AddRequirements(new WorksHereRequirement(Policies.Coordinator)));
    }
}
