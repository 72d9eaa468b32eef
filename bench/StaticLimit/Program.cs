using System.IO.Compression;
using Microsoft.Net.Http.Headers;

// The limit a cached page is measured against: the same bytes, compressed once when this starts (Brotli and gzip
// at the levels Steunpunt uses), served from memory by a minimal Kestrel app with the headers a page needs.
// Usage: StaticLimit <url> <path>=<file> [<path>=<file> …]
var builder = WebApplication.CreateEmptyBuilder(new() { Args = args });
builder.WebHost.UseKestrelCore().UseUrls(args[0]);
var app = builder.Build();
var pages = args.Skip(1).Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => Forms(File.ReadAllBytes(a[1])));

app.Run(context =>
{
    if (!pages.TryGetValue(context.Request.Path.Value ?? "", out var page))
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
    var accept = context.Request.Headers.AcceptEncoding.ToString();
    var (encoding, body) = accept.Contains("br", StringComparison.Ordinal) ? ("br", page.Brotli)
        : accept.Contains("gzip", StringComparison.Ordinal) ? ("gzip", page.Gzip) : ((string?)null, page.Identity);
    var headers = context.Response.Headers;
    headers.ContentType = "text/html; charset=utf-8";
    headers.Vary = HeaderNames.AcceptEncoding;
    headers.CacheControl = "no-cache";
    headers.ETag = page.ETag;
    if (encoding is not null)
    {
        headers.ContentEncoding = encoding;
    }
    headers.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();

static Page Forms(byte[] identity)
{
    static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }
        return output.ToArray();
    }
    var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(identity))[..16];
    return new Page(identity, Compress(identity, s => new BrotliStream(s, CompressionLevel.Optimal)),
        Compress(identity, s => new GZipStream(s, CompressionLevel.Optimal)), $"\"{hash}\"");
}

internal sealed record Page(byte[] Identity, byte[] Brotli, byte[] Gzip, string ETag);
