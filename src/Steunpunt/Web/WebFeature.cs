using Microsoft.AspNetCore.ResponseCompression;
using Steunpunt.Accounts;

namespace Steunpunt.Web;

public static class WebFeature
{
    /// <summary>Output-cache policy for public pages; evicted by tag whenever content is published.</summary>
    public const string PublicPages = "PublicPages";
    public const string ContentTag = "content";

    public static void AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            // The role × route matrix: everything is closed (fallback policy) unless opened here.
            o.Conventions.AllowAnonymousToFolder("/Web/Home");
            o.Conventions.AllowAnonymousToFolder("/Web/Errors");
            o.Conventions.AllowAnonymousToFolder("/Information/Themes");
            o.Conventions.AllowAnonymousToFolder("/Information/Articles");
            o.Conventions.AllowAnonymousToFolder("/Information/Glossary");
            o.Conventions.AllowAnonymousToFolder("/Information/Regional");
            o.Conventions.AllowAnonymousToFolder("/Information/Search");
            o.Conventions.AuthorizeFolder("/Information/Editing", Policies.EditsThisSite);
            o.Conventions.AllowAnonymousToFolder("/Questions/Ask");
            o.Conventions.AllowAnonymousToFolder("/Questions/Conversation");
            o.Conventions.AllowAnonymousToFolder("/Stories/Tell");
            o.Conventions.AuthorizeFolder("/Stories/Review", Policies.WorksHere);
            o.Conventions.AuthorizeFolder("/Signals/Reports", Policies.ReadsReports);
            o.Conventions.AuthorizeFolder("/Signals/Register", Policies.WorksHere);
            o.Conventions.AllowAnonymousToFolder("/Signals/Feedback");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/Login");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/Denied");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/TwoStep"); // checks the half-done sign-in itself
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn/SetPassword"); // the invitation token is the key
            o.Conventions.AuthorizeFolder("/Accounts/Team", Policies.CoordinatesHere);
            o.Conventions.AuthorizeFolder("/Questions/Inbox", Policies.WorksHere);
            o.Conventions.AuthorizePage("/Questions/Inbox/Audit", Policies.CoordinatesHere);
        });
        builder.Services.AddOutputCache(o =>
            o.AddPolicy(PublicPages, p => p.Expire(TimeSpan.FromMinutes(10)).Tag(ContentTag)));
        builder.Services.AddResponseCompression(o =>
        {
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
        builder.Services.AddHealthChecks();
        // Data Protection reads its key ring when the host starts, before the migrations (which run in the background)
        // have made its table; it reads the ring on first use instead. Removed here, after every AddDataProtection.
        foreach (var eager in builder.Services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            builder.Services.Remove(eager);
        }
    }

    public static void UseWebOuter(this WebApplication app)
    {
        app.UseMiddleware<NotReadyYet>();
        app.UseResponseCompression();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            // Every byte is ours: nothing may load from another origin.
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
                "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            await next();
        });
    }

    public static void UseWebInner(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/fout",
            // An outage is a calm 503 ("probeer het over een paar minuten opnieuw"), a body the server cannot read a
            // 400 or 413; neither is a bug, so neither is logged as an error (RequestFaults logs a warning).
            StatusCodeSelector = RequestFaults.StatusFor,
            SuppressDiagnosticsCallback = c => RequestFaults.IsExpected(c.Exception),
        });
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.UseMiddleware<RequestFaults>();
        // After tenancy, so /css/site.css also answers as /{steunpunt}/css/site.css.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        app.UseRouting();
    }

    public static void MapWeb(this WebApplication app)
    {
        // Live: the process answers. Ready: started, and the database answers now.
        app.MapHealthChecks("/gezondheid/leeft", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/gezondheid/klaar", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHealthChecks("/gezondheid", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Health.WriteAsync }).AllowAnonymous();
        app.MapGet("/ping", () => "pong").AllowAnonymous();
        app.MapRazorPages();
        Information.Search.SuggestionsEndpoint.MapSearchSuggestions(app);
        // Anything unmatched is a plain 404 (re-executed as the Dutch error page), not a sign-in redirect.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
    }
}
