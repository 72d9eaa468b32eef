using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;

namespace Steunpunt.Web;

public static class WebFeature
{
    /// <summary>Output-cache policy for public pages; evicted by tag whenever content is published.</summary>
    public const string PublicPages = "PublicPages";
    public const string ContentTag = "content";

    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>The same policy for a page any site may frame (<see cref="FramableAnywhereAttribute"/>).</summary>
    public const string FramableContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; frame-ancestors *; base-uri 'self'; form-action 'self'";

    public static void AddWeb(this WebApplicationBuilder builder)
    {
        // No form of ours needs more; Kestrel stops reading a larger body (413).
        // The largest body any page takes (an upload); each request is held to its page's limit after routing.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestFaults.MaxUploadBytes);
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<PublicAddress>();
        // The guards every anonymous form shares (ask, tell, reply): limits per address, the last known lists.
        builder.Services.AddOptions<FormLimitsOptions>().BindConfiguration(FormLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AbuseLimits>();
        // Counts per address are needed for the current hour only.
        Privacy.RetentionRegistration.AddRetentionRule(builder.Services, "address counts", (services, now, ct) =>
            services.GetRequiredService<Data.SteunpuntDb>().AddressCounts.Where(c => c.Window < (now.ToUnixTimeSeconds() / 3600) - 1).ExecuteDeleteAsync(ct));
        builder.Services.AddScoped<FormGuard>();
        builder.Services.AddSingleton<LastKnown.Store>();
        builder.Services.AddScoped<LastKnown>();
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new();
        // Outside Development every cookie is HTTPS-only and browsers are told to use HTTPS (HSTS); a reverse proxy
        // that ends TLS says so with X-Forwarded-Proto, believed only from the proxies configured here.
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = web.SecureCookies ?? !builder.Environment.IsDevelopment()
            ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in web.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            foreach (var network in web.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            // Everything is closed (fallback policy) unless a feature opens it: each feature maps its own pages
            // and access rules where it is added (InformationFeature, QuestionsFeature, …). These are the web's own.
            o.Conventions.AllowAnonymousToFolder("/Web/Errors");
        }).AddMvcOptions(InputBinding.Configure);
        builder.Services.AddOutputCache(o =>
            // A cached page varies by the list of steunpunten: one that is added, renamed or taken live shows up at once
            // in the finder, the list and its own pages (each instance reads the list again within seconds).
            // Each page is kept in the form the browser takes (Brotli, gzip or plain), compressed once (CompressOnce).
            o.AddPolicy(PublicPages, p => p.Expire(TimeSpan.FromMinutes(10)).Tag(ContentTag)
                .VaryByValue(async (context, ct) =>
                    new KeyValuePair<string, string>("steunpunten", (await context.RequestServices.GetRequiredService<Tenancy.TenantDirectory>().GetAsync(ct)).Version))
                .VaryByValue(context => new KeyValuePair<string, string>("encoding", CompressOnce.Negotiate(context.Request.Headers.AcceptEncoding)))));
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
        var web = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value;
        if (web.KnownProxies.Length > 0 || web.KnownNetworks.Length > 0)
        {
            // The client's address (for the per-address limits) and scheme, as the configured proxy saw them.
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseCookiePolicy();
        app.UseMiddleware<NotReadyYet>();
        app.UseResponseCompression();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            // Every byte is ours: nothing may load from another origin.
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            // No other site may show our pages in a frame, except the few that say so (the block schools put on their
            // website). Decided when the response starts, once routing knows the page, also for a cached response.
            context.Response.OnStarting(() =>
            {
                // No browser or shared cache keeps a response unless it says it may: public pages (CompressOnce) and
                // static assets say so themselves; anything else may hold what a person wrote or was told.
                if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }
                if (context.GetEndpoint()?.Metadata.GetMetadata<FramableAnywhereAttribute>() is not null)
                {
                    headers.ContentSecurityPolicy = FramableContentSecurityPolicy;
                    headers.Remove("X-Frame-Options");
                }
                return Task.CompletedTask;
            });
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
        app.UseMiddleware<FormBodyCleaning>();
        app.UseRouting();
        app.Use(RequestFaults.LimitBodyToEndpoint);
    }

    /// <summary>The output cache for public pages, with the pages stored compressed (inside it, <see cref="CompressOnce"/>).</summary>
    public static void UsePublicPageCache(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseMiddleware<CompressOnce>();
    }

    public static void MapWeb(this WebApplication app)
    {
        // Live: the process answers. Ready: started, and the database answers now.
        app.MapHealthChecks("/gezondheid/leeft", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/gezondheid/klaar", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHealthChecks("/gezondheid", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Health.WriteAsync }).AllowAnonymous();
        app.MapGet("/ping", () => "pong").AllowAnonymous();
        // wwwroot as built: fingerprinted names (site.{hash}.css, "immutable" for a year), Brotli and gzip made at
        // publish, ETags. Routed after tenancy, so /css/site.css also answers as /{steunpunt}/css/site.css.
        app.MapStaticAssets().AllowAnonymous();
        // The tag helpers (asp-append-version) write the fingerprinted names.
        app.MapRazorPages().WithStaticAssets();
        // Anything unmatched is a plain 404 (re-executed as the Dutch error page), not a sign-in redirect.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
    }
}
