using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Steunpunt.Web;

/// <summary>
/// Public pages are compressed once, when they enter the output cache, instead of on every request. This sits inside
/// the output cache: for a page with the <see cref="WebFeature.PublicPages"/> policy it renders the page, and stores
/// the form the browser asked for (Brotli, gzip or plain, see <see cref="Negotiate"/>; the cache varies by that
/// choice) with an ETag of its bytes, so a browser that has the page gets a 304 from the cache. Browsers must ask
/// again before they use a stored page (no-cache): a published change shows at once.
/// </summary>
public sealed class CompressOnce(RequestDelegate next)
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    // Made once per page: the better compression is worth its milliseconds.
    private const int BrotliQuality = 9;
    private const int BrotliWindow = 22;

    public async Task InvokeAsync(HttpContext context)
    {
        var cache = context.Features.Get<IOutputCacheFeature>()?.Context;
        if (!IsPublicPage(context) || cache is not { AllowCacheStorage: true })
        {
            // Not a page the cache may keep (or one the front left alone, for a sign-in cookie): told now, before the
            // body starts, so the cache does not even copy it (a conversation page, a form).
            if (cache is not null)
            {
                cache.AllowCacheStorage = false;
            }
            await next(context);
            return;
        }
        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }
        var page = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.ContentEncoding)
            || MustNotBeKept(response.Headers))
        {
            // Not stored (PublicPageCache refuses it too), and sent as the page said.
            cache.AllowCacheStorage = false;
            // Nothing written (a 404 from the page) stays unwritten: the status code page still has to follow.
            if (page.Length > 0)
            {
                await body.WriteAsync(page, context.RequestAborted);
            }
            return;
        }
        var encoding = Negotiate(context.Request.Headers.AcceptEncoding);
        var bytes = encoding switch
        {
            Brotli => CompressBrotli(page.Span),
            Gzip => CompressGzip(page.Span),
            _ => page,
        };
        var headers = response.Headers;
        // The ETag names the page's content and the form it is sent in: the same page in Brotli is another representation.
        var tag = Convert.ToHexString(SHA256.HashData(page.Span), 0, 12);
        headers.ETag = encoding == Identity ? $"\"{tag}\"" : $"\"{tag}-{encoding}\"";
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.CacheControl = "no-cache";
        if (encoding != Identity)
        {
            headers.ContentEncoding = encoding;
        }
        response.ContentLength = bytes.Length;
        await body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>The page itself said nobody may keep it (antiforgery does, for a page with a form token).</summary>
    public static bool MustNotBeKept(IHeaderDictionary headers) =>
        headers.CacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase)))
        || headers.Pragma.Any(v => v?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Whether the request is for a page the output cache keeps for everyone.</summary>
    /// A signed-in person's page is never stored, so it is not compressed here either.
    public static bool IsPublicPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is { PolicyName: WebFeature.PublicPages }
        && context.User.Identity?.IsAuthenticated != true && !context.Request.Headers.ContainsKey(HeaderNames.Authorization);

    /// <summary>Brotli when the browser takes it, else gzip, else the page as it is (RFC 9110 §12.5.3: q=0 is "not",
    /// "*" any encoding not named).</summary>
    public static string Negotiate(StringValues acceptEncoding)
    {
        double brotli = -1, gzip = -1, any = 0;
        foreach (var value in acceptEncoding)
        {
            // Read in place (no strings made): this runs for every request a stored page may answer.
            var rest = (value ?? "").AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var part = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                var semicolon = part.IndexOf(';');
                var name = (semicolon < 0 ? part : part[..semicolon]).Trim();
                var quality = semicolon < 0 ? 1.0 : Quality(part[(semicolon + 1)..]);
                if (name.Equals(Brotli, StringComparison.OrdinalIgnoreCase))
                {
                    brotli = quality;
                }
                else if (name.Equals(Gzip, StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = quality;
                }
                else if (name.SequenceEqual("*"))
                {
                    any = quality;
                }
            }
        }
        // "*" stands for every encoding not named.
        brotli = brotli < 0 ? any : brotli;
        gzip = gzip < 0 ? any : gzip;
        return brotli > 0 && brotli >= gzip ? Brotli : gzip > 0 ? Gzip : Identity;
    }

    private static double Quality(ReadOnlySpan<char> parameters)
    {
        while (!parameters.IsEmpty)
        {
            var semicolon = parameters.IndexOf(';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            parameters = semicolon < 0 ? [] : parameters[(semicolon + 1)..];
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(parameter[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q))
            {
                return Math.Clamp(q, 0, 1);
            }
        }
        return 1.0;
    }

    public static byte[] CompressBrotli(ReadOnlySpan<byte> page)
    {
        var rented = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(page.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(page, rented, out var written, BrotliQuality, BrotliWindow))
            {
                throw new InvalidOperationException("Brotli could not compress the page.");
            }
            return rented.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static byte[] CompressGzip(ReadOnlySpan<byte> page)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(page);
        }
        return output.ToArray();
    }
}
