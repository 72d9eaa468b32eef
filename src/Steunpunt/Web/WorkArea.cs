using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Web;

/// <summary>
/// Which pages are work pages: every page that needs a sign-in (pages are closed by default, public pages are opened
/// one by one). Work pages carry the staff layout's menu (inbox, stories, signals, report, team, content) instead of
/// the public one; the public site stays one click away.
/// </summary>
public static class WorkArea
{
    public static bool Is(HttpContext context) =>
        context.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    /// <summary>Whether the page shown lies in the folder of a menu item (so the item is marked as the current one).</summary>
    public static bool Within(HttpContext context, string pageOrFolder) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath is { } path
        && (path == pageOrFolder || path.StartsWith(pageOrFolder.TrimEnd('/') + "/", StringComparison.Ordinal));
}
