using Microsoft.Net.Http.Headers;

// The limit a cached page is measured against: the very bytes the app sent to a browser (as it sent them, compressed
// or not), read from a file when this starts and served from memory by a minimal Kestrel app (a minimal API: the
// slim builder and one route per page) with the headers a page needs.
// Usage: StaticLimit <url> <path>=<file>[:<content-encoding>] …
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(args[0]);
var app = builder.Build();
foreach (var argument in args.Skip(1))
{
    var (path, file) = (argument[..argument.IndexOf('=', StringComparison.Ordinal)], argument[(argument.IndexOf('=', StringComparison.Ordinal) + 1)..]);
    var encoding = file.Contains(':', StringComparison.Ordinal) ? file[(file.IndexOf(':', StringComparison.Ordinal) + 1)..] : "";
    var body = File.ReadAllBytes(file.Split(':')[0]);
    var etag = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body), 0, 12)}\"";
    app.MapGet(path, (HttpContext context) =>
    {
        var headers = context.Response.Headers;
        headers.ContentType = "text/html; charset=utf-8";
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.CacheControl = "no-cache";
        headers.ETag = etag;
        if (encoding.Length > 0)
        {
            headers.ContentEncoding = encoding;
        }
        headers.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    });
}
app.Run();
