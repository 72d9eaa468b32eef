using Microsoft.AspNetCore.Diagnostics;
using Steunpunt.Data;

namespace Steunpunt.Web;

/// <summary>
/// The request-level answer to faults that are not bugs. Only GET, HEAD and POST are served (405 otherwise); a body
/// larger than any form of ours is refused before it is read (413); a database outage or a body the server cannot
/// read is logged as a warning and becomes a 503 or 400/413 Dutch page (<see cref="StatusFor"/>).
/// </summary>
public sealed partial class RequestFaults(RequestDelegate next, ILogger<RequestFaults> logger)
{
    /// <summary>No form of ours comes near this; a larger body is refused unread.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>A file upload (multipart) may be this large, and only to a page that says so with
    /// <c>[RequestSizeLimit]</c> (the DUO registers); every other page keeps <see cref="MaxBodyBytes"/>.</summary>
    public const long MaxUploadBytes = 32 * 1024 * 1024;

    /// <summary>The request is being re-run to draw an error page for a request already answered.</summary>
    private static bool IsErrorPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    public static bool IsUpload(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>After routing: a body larger than the page takes is refused unread.</summary>
    public static Task LimitBodyToEndpoint(HttpContext context, Func<Task> next)
    {
        if (IsErrorPage(context))
        {
            return next(); // an error page, drawn for a request already refused: its body is never read
        }
        var limit = IsUpload(context.Request)
            ? Math.Min(MaxUploadBytes, context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBodyBytes)
            : MaxBodyBytes;
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next();
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var reExecuted = IsErrorPage(context);
        var method = context.Request.Method;
        if (!reExecuted && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsPost(method))
        {
            // Answered here, in a few Dutch words: re-running the pipeline for an error page with such a method (OPTIONS)
            // would not draw one.
            context.Response.Headers.Allow = "GET, HEAD, POST";
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Deze pagina kan alleen bekeken of verstuurd worden.", context.RequestAborted);
            return;
        }
        if (!reExecuted && context.Request.ContentLength > (IsUpload(context.Request) ? MaxUploadBytes : MaxBodyBytes))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (!reExecuted && !IsUpload(context.Request)
            && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxBodyBytes; // the server allows uploads; a form does not need that much
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsExpected(e) && Log(e))
        {
            throw;
        }
    }

    private bool Log(Exception e)
    {
        if (DatabaseFaults.IsOutage(e))
        {
            LogDatabaseAway(logger, e.GetType().Name);
        }
        else
        {
            LogUnreadable(logger, e.GetType().Name);
        }
        return true;
    }

    public static bool IsExpected(Exception e) => DatabaseFaults.IsOutage(e) || Unreadable(e) is not null;

    public static int StatusFor(Exception e) =>
        DatabaseFaults.IsOutage(e) ? StatusCodes.Status503ServiceUnavailable : Unreadable(e) ?? StatusCodes.Status500InternalServerError;

    /// <summary>400 or 413 when the exception says the request body could not be read.</summary>
    private static int? Unreadable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case BadHttpRequestException bad:
                    return bad.StatusCode;
                case InvalidDataException or Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderException:
                    return StatusCodes.Status400BadRequest;
                default:
                    break;
            }
        }
        return null;
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "The database is away ({Error}); the request gets a 503 page")]
    private static partial void LogDatabaseAway(ILogger logger, string error);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "A request body could not be read ({Error})")]
    private static partial void LogUnreadable(ILogger logger, string error);
}

/// <summary>Until the start-up steps that must come first are done (Data/Startup.cs), every page but the health
/// endpoints answers 503 with a short Dutch page; nothing here needs the database.</summary>
public sealed class NotReadyYet(RequestDelegate next, Readiness readiness)
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Even geduld - Ouder- en jeugdsteunpunt</title></head>
        <body><main><h1>Even geduld</h1><p>De website start op. Probeer het over een paar minuten opnieuw.</p></main></body></html>
        """;

    /// <summary>For when the site cannot be reached at all, before the steunpunt is known.</summary>
    public const string Unavailable = """
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Het lukt nu even niet - Ouder- en jeugdsteunpunt</title></head>
        <body><main><h1>Het lukt nu even niet</h1><p>Deze website is op dit moment niet bereikbaar. Dat ligt niet aan u. Probeer het over een paar minuten opnieuw.</p></main></body></html>
        """;

    public Task InvokeAsync(HttpContext context)
    {
        if (readiness.IsServing || context.Request.Path.StartsWithSegments("/gezondheid"))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "30";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Page);
    }
}

/// <summary>The body of /gezondheid: live and ready, in words.</summary>
public static class Health
{
    public static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        // Degraded: pages are served, search is still starting.
        var ready = report.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy;
        var details = string.Join("; ", report.Entries.Select(e => e.Value.Description));
        return context.Response.WriteAsync($"leeft: ja\nklaar: {(ready ? "ja" : "nee")} ({details})\n");
    }
}
