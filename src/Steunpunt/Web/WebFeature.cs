using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace Steunpunt.Web;

public static class WebFeature
{
    /// <summary>Marks a public page: stored for visitors by <see cref="PublicPageCache"/>, evicted by tag whenever content is published.</summary>
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
        builder.Services.AddSingleton<PublishedContent>();
        // Public pages are stored for visitors at the front of the pipeline (PublicPageCache), compressed once (CompressOnce).
        builder.Services.AddOutputCache();
        builder.Services.AddOptions<OutputCacheOptions>().Configure<IServiceProvider>((o, services) =>
        {
            var policy = new PublicPageCache(services);
            o.AddBasePolicy(policy);
            // A slug in another case is another address (the page would answer 404), not the stored page.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(PublicPages, policy);
        });
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

    /// <summary>Run as a response starts (a static callback: nothing is allocated for it per request).</summary>
    private static readonly Func<object, Task> s_beforeSending = state =>
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        // No browser or shared cache keeps a response unless it says it may: public pages (CompressOnce) and
        // static assets say so themselves; anything else may hold what a person wrote or was told.
        if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
        {
            headers.CacheControl = "no-store";
        }
        if (context.Response.StatusCode == StatusCodes.Status304NotModified)
        {
            // The browser keeps the headers of the page it has (the block's frame-ancestors among them).
            headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy);
        }
        else if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy; // cleared on the way to an error page
        }
        if (context.GetEndpoint()?.Metadata.GetMetadata<FramableAnywhereAttribute>() is not null)
        {
            headers.Remove("X-Frame-Options");
        }
        return Task.CompletedTask;
    };

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
        app.Use((HttpContext context, RequestDelegate next) =>
        {
            var headers = context.Response.Headers;
            // Every byte is ours: nothing may load from another origin.
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            // No other site may show our pages in a frame, except the few that say so (the block schools put on their
            // website): set once routing knows the page (UseWebInner), before it renders, so a stored copy says so too.
            context.Response.OnStarting(s_beforeSending, context);
            return next(context);
        });
        // A stored public page is served from here, before anything else runs (PublicPageCache).
        app.UseOutputCache();
        app.UseMiddleware<NotReadyYet>();
        // Pages made for one person are compressed as they are sent (plain HTTP only: over HTTPS a page with a secret
        // in it is not compressed, against BREACH); public pages come compressed already (CompressOnce).
        app.UseResponseCompression();
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
        app.Use(async (context, next) =>
        {
            // A page other sites may frame says so before it renders, so a stored copy says so too (the cache keeps
            // the headers as they are when the page starts writing).
            var framable = context.GetEndpoint()?.Metadata.GetMetadata<FramableAnywhereAttribute>() is not null;
            if (framable)
            {
                context.Response.Headers.ContentSecurityPolicy = FramableContentSecurityPolicy;
                context.Response.Headers.Remove("X-Frame-Options");
            }
            await next(context);
            if (framable && !context.Response.HasStarted && context.Response.StatusCode != StatusCodes.Status200OK)
            {
                // Not the page after all (a 404 on the national site): the error page that follows is not framable.
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }
        });
        app.Use(RequestFaults.LimitBodyToEndpoint);
    }

    /// <summary>Public pages compressed once, as they are stored (<see cref="CompressOnce"/>); after sign-in, so a
    /// signed-in person's page is left alone.</summary>
    public static void UseCompressOnce(this WebApplication app) => app.UseMiddleware<CompressOnce>();

    public static void MapWeb(this WebApplication app)
    {
        // Live: the process answers. Ready: started, and the database answers now.
        app.MapHealthChecks("/gezondheid/leeft", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/gezondheid/klaar", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHealthChecks("/gezondheid", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Health.WriteAsync }).AllowAnonymous();
        app.MapGet("/ping", () => "pong").AllowAnonymous();
        // wwwroot as built: fingerprinted names (site.{hash}.css, "immutable" for a year), Brotli and gzip made at
        // publish, ETags. Routed after tenancy, so /css/site.css also answers as /{steunpunt}/css/site.css.
        app.MapStaticAssets().AllowAnonymous().WithMetadata(new StaticAsset());
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

/// <summary>Marks the endpoints of wwwroot (style, script, icons): every page needs them, also a sign-in page of a
/// steunpunt that is still being set up.</summary>
public sealed class StaticAsset;
