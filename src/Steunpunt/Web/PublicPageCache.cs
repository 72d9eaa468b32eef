using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Steunpunt.Web;

/// <summary>
/// The output cache for public pages, at the front of the pipeline: a visitor who is not signed in gets a stored page
/// before tenancy, sign-in and routing run, as fast as a static file. Which requests may be answered there is decided
/// from the request alone: GET or HEAD, no Authorization header and no sign-in cookie of any scheme (so a signed-in
/// person, also one whose session cannot be checked now, always gets a page of their own). What is stored is decided after the page ran: only a 200 from a page marked
/// <c>[OutputCache(PolicyName = WebFeature.PublicPages)]</c>, rendered for nobody in particular (not signed in, no cookie
/// set, not saying no-store or private). Stored pages vary by address (host, path with its case, query), by the list of steunpunten and by the encoding the browser
/// takes (<see cref="CompressOnce"/> stores each form once); they are evicted by tag whenever content is published.
/// </summary>
public sealed class PublicPageCache(IServiceProvider services) : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private string[]? _signInCookies;

    // The app's singletons this reads on every anonymous GET: looked up once, not per request.
    private Data.Readiness? _readiness;
    private Tenancy.TenantDirectory? _steunpunten;
    private PublishedContent? _content;

    private Data.Readiness Readiness => _readiness ??= services.GetRequiredService<Data.Readiness>();
    private Tenancy.TenantDirectory Steunpunten => _steunpunten ??= services.GetRequiredService<Tenancy.TenantDirectory>();
    private PublishedContent Content => _content ??= services.GetRequiredService<PublishedContent>();

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var attempt = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization) && !HasSignInCookie(http)
            && Readiness.IsServing;
        Tenancy.TenantDirectory.Lookup? steunpunten = null;
        if (attempt)
        {
            try
            {
                steunpunten = await Steunpunten.GetAsync(cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // No list of steunpunten (the database is away, or the list cannot be read): the page itself answers,
                // inside the error handling, with its calm 503 or error page.
                attempt = false;
            }
        }
        context.EnableOutputCaching = attempt;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        // No waiting for another request's render: most anonymous pages (forms, search) are never stored, and
        // requests for them must not queue behind each other.
        context.AllowLocking = false;
        if (!attempt || steunpunten is null)
        {
            return;
        }
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(WebFeature.ContentTag);
        context.CacheVaryByRules.QueryKeys = "*";
        // A steunpunt added, renamed or taken live shows up at once in the finder, the list and its own pages.
        context.CacheVaryByRules.VaryByValues["steunpunten"] = steunpunten.Version;
        // And by the content as this instance knows it: a page rendered from content read before a publish, but stored
        // after the publish evicted the cache, is not served after it.
        context.CacheVaryByRules.VaryByValues["content"] = Content.Version
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["encoding"] = CompressOnce.Negotiate(request.Headers.AcceptEncoding);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK || http.Response.Headers.ContainsKey(HeaderNames.SetCookie)
            || !CompressOnce.IsPublicPage(http) || CompressOnce.MustNotBeKept(http.Response.Headers))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether the request carries a cookie of any sign-in scheme (staff, klankbord, two steps); read from the
    /// schemes themselves, so a scheme added later is covered.</summary>
    private bool HasSignInCookie(HttpContext http)
    {
        var header = http.Request.Headers.Cookie;
        if (header.Count == 0)
        {
            return false;
        }
        var names = _signInCookies ??= SignInCookies(services);
        foreach (var value in header)
        {
            foreach (var name in names)
            {
                if (value?.Contains(name, StringComparison.Ordinal) == true)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static string[] SignInCookies(IServiceProvider services)
    {
        var schemes = services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync().GetAwaiter().GetResult();
        var cookies = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        return schemes.Where(s => typeof(CookieAuthenticationHandler).IsAssignableFrom(s.HandlerType))
            .Select(s => cookies.Get(s.Name).Cookie.Name).OfType<string>().Distinct().ToArray();
    }
}

/// <summary>The newest content change this instance's pages reflect; set by Information after it applied a publish
/// (and evicted the stored pages), read by <see cref="PublicPageCache"/> as part of every stored page's key.</summary>
public sealed class PublishedContent
{
    private long _version = -1;

    public long Version
    {
        get => Interlocked.Read(ref _version);
        set => Interlocked.Exchange(ref _version, value);
    }
}
