using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Steunpunt.Data;

namespace Steunpunt.Accounts;

public static class AccountsFeature
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        // Signing in is open; a steunpunt's coordinator manages its team.
        // PostConfigure: AddRazorPages (in AddWeb) makes a fresh convention collection when it sets up its options.
        builder.Services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/Login");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/Denied");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/TwoStep"); // checks the half-done sign-in itself
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/SetPassword"); // the invitation token is the key
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/ForgotPassword");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/ResetPassword"); // the mailed token is the key
            o.Conventions.AuthorizeFolder("/Accounts/Team", Policies.CoordinatesHere);
        });
        builder.Services.AddIdentity<SteunpuntUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<SteunpuntDb>()
            .AddClaimsPrincipalFactory<SteunpuntClaimsFactory>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator check by one that accepts each code once.
            .AddTokenProvider<OnceOnlyAuthenticator>(TokenOptions.DefaultAuthenticatorProvider)
            .AddTokenProvider<ForgottenPasswordTokens>(ForgottenPasswordTokens.ProviderName);

        builder.Services.AddSingleton<SignIn.SignInDecoy>();

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
            // Every signed-in request checks the account's security stamp (instead of every 30 minutes).
            o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
        });

        builder.Services.AddScoped<IAuthorizationHandler, EditsThisSiteHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, WorksHereHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, ReadsReportsHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, AdministersNationalHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, ReadsMonitorHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, NationalRoleHandler>();
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddScoped<ForgottenPasswords>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, CaseRefusalHandler>();
        builder.Services.AddAuthorizationBuilder()
            // Closed by default: a page that no convention opened needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.EditsThisSite, p => p.RequireAuthenticatedUser().RequireClaim(Policies.MfaClaim, Policies.MfaValue).AddRequirements(new EditsThisSiteRequirement()))
            .AddPolicy(Policies.WorksHere, p => p.RequireAuthenticatedUser().AddRequirements(new WorksHereRequirement(Policies.Staff)))
            .AddPolicy(Policies.ReadsReports, p => p.RequireAuthenticatedUser().AddRequirements(new ReadsReportsRequirement()))
            .AddPolicy(Policies.AdministersNational, p => p.RequireAuthenticatedUser().AddRequirements(new AdministersNationalRequirement()))
            .AddPolicy(Policies.ReadsMonitor, p => p.RequireAuthenticatedUser().AddRequirements(new ReadsMonitorRequirement()))
            .AddPolicy(Policies.AnswersAsExpert, p => p.RequireAuthenticatedUser().AddRequirements(new NationalRoleRequirement(Policies.Expert)))
            .AddPolicy(Policies.CoordinatesHere, p => p.RequireAuthenticatedUser().AddRequirements(new WorksHereRequirement(Policies.Coordinator)));
    }

    /// <summary>Authentication and authorization, with every signed-in page kept out of caches (browser and proxies).</summary>
    public static void UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use((context, next) =>
        {
            // A signed-in person whose session could not be checked (the database is away) gets the calm 503 page on
            // pages that need the sign-in, instead of being sent to sign in again.
            if (context.Items.ContainsKey(Sessions.UncheckedKey)
                && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            {
                throw new DatabaseUnavailableException("The sign-in could not be checked.");
            }
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    context.Response.Headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.Use((context, next) =>
        {
            // A steunpunt being set up (in oprichting) exists only for its own team and the national administrator;
            // anyone else meets the same 404 as for a steunpunt that does not exist. Signing in stays open, so the team
            // can get in.
            var current = context.RequestServices.GetRequiredService<Tenancy.CurrentTenant>();
            if (current.Value is { InOprichting: true } steunpunt && !MayVisitWhileInOprichting(context, steunpunt.Id))
            {
                current.Set(null); // the "niet gevonden" page does not name it either
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseAuthorization();
    }

    /// <summary>Its own team and landelijk beheer, signed in with both steps; and anyone on the sign-in pages, with the
    /// style and script they need.</summary>
    private static bool MayVisitWhileInOprichting(HttpContext context, Guid steunpunt) =>
        context.User.HasClaim(Policies.MfaClaim, Policies.MfaValue)
            && (context.User.HasClaim(Policies.TenantClaim, steunpunt.ToString()) || context.User.IsInRole(Policies.NationalAdmin))
        || context.GetEndpoint()?.Metadata.GetMetadata<Web.StaticAsset>() is not null
        || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath is { } page
            && (page.StartsWith("/Accounts/SignIn/", StringComparison.Ordinal) || page.StartsWith("/Web/Errors/", StringComparison.Ordinal));
}
