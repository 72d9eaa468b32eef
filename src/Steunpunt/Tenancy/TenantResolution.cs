using Steunpunt.Data;

namespace Steunpunt.Tenancy;

/// <summary>
/// Resolves the steunpunt: a configured host name first, then the first path segment (which then becomes the
/// PathBase, so every link the app makes stays inside that steunpunt), else the national site.
/// It never falls through to another steunpunt.
/// </summary>
public sealed class TenantResolution(RequestDelegate next, TenantDirectory directory)
{
    public async Task InvokeAsync(HttpContext context, CurrentTenant current, Web.PublicAddress address, IHostEnvironment environment)
    {
        if (context.Request.Path.StartsWithSegments("/gezondheid") || context.Request.Path.StartsWithSegments("/ping"))
        {
            await next(context); // health needs no steunpunt, and must answer while the database is away
            return;
        }
        TenantDirectory.Lookup lookup;
        try
        {
            lookup = await directory.GetAsync(context.RequestAborted);
        }
        catch (DatabaseUnavailableException)
        {
            // Before the Dutch error pages (which need to know the steunpunt): a short page of our own.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Web.NotReadyYet.Unavailable, context.RequestAborted);
            return;
        }
        if (lookup.ByHost.TryGetValue(context.Request.Host.Host, out var byHost))
        {
            current.Set(byHost);
            await next(context);
            return;
        }
        if (!environment.IsDevelopment() && !address.IsInstallationHost(context.Request.Host.Host))
        {
            // A host name nobody configured: refused, so no page, cache entry or link is ever made for it.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Dit adres hoort niet bij deze website.");
            return;
        }

        var path = context.Request.Path.Value ?? "";
        var segmentEnd = path.IndexOf('/', 1);
        var first = segmentEnd < 0 ? path.TrimStart('/') : path[1..segmentEnd];
        if (first.Length > 0 && lookup.BySlug.TryGetValue(first, out var bySlug))
        {
            // Sent on to the steunpunt's own address: "/slug" → "/slug/" so relative links and the PathBase agree, and
            // "/RIVIERENLAND/…" → "/rivierenland/…" so each page has one address (neither stored pages nor kept page
            // parts can be multiplied by writing a name in every mix of capitals). A form sent to an address in other
            // capitals is taken as it is: a redirect would lose what was typed.
            var otherCapitals = !string.Equals(first, bySlug.Slug, StringComparison.Ordinal)
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
            if (segmentEnd < 0 || otherCapitals)
            {
                var rest = segmentEnd < 0 ? "/" : path[segmentEnd..];
                context.Response.Redirect($"{context.Request.PathBase}/{bySlug.Slug}{rest}{context.Request.QueryString}", permanent: false);
                return;
            }
            current.Set(bySlug);
            var originalBase = context.Request.PathBase;
            var originalPath = context.Request.Path;
            // The steunpunt's own spelling, also for a form sent to another: every link the page makes uses it.
            context.Request.PathBase = originalBase.Add("/" + bySlug.Slug);
            context.Request.Path = path[segmentEnd..];
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.PathBase = originalBase;
                context.Request.Path = originalPath;
            }
            return;
        }

        current.Set(null);
        await next(context);
    }
}
