using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Web.Errors;

/// <summary>
/// The Dutch error page. It has no handler methods and binds nothing, so it renders for any method without reading
/// the request body (which may be what failed). Its status comes from the route, within 400–599, or from the failure
/// being re-executed; a stray address such as /fout/200 is a 404.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = StatusCodes.Status404NotFound;

    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var fromRoute = RouteData.Values.TryGetValue("code", out var value) && int.TryParse(value as string, out var code) ? code : (int?)null;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Code = fromRoute switch
        {
            >= 400 and <= 599 => fromRoute.Value,
            null when reExecuted && Response.StatusCode is >= 400 and <= 599 => Response.StatusCode,
            null when reExecuted => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status404NotFound,
        };
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "120";
        }
        Response.Headers.CacheControl = "no-store";
    }
}
