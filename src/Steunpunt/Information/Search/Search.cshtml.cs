using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.Information.Search;

// Not output-cached: every search without an answer is counted for the editors.
public sealed class SearchModel(SiteSearch search, SearchLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "voor")]
    public string? For { get; set; }

    public string Query { get; private set; } = "";
    public bool TooLong { get; private set; }
    /// <summary>This address searched very often in the last minute: asked to wait a moment.</summary>
    public bool TooMany { get; private set; }
    public SiteSearch.Outcome? Outcome { get; private set; }
    /// <summary>The app has just started and search is not ready yet (seconds): asked to try again in a moment.</summary>
    public bool Starting { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var raw = Q ?? "";
        Query = SiteSearch.Clean(raw);
        TooLong = raw.Length > SiteSearch.MaxQueryLength;
        if (Query.Length == 0)
        {
            return;
        }
        if (!search.IsAvailable)
        {
            // 503 with Retry-After rather than 200: no answer was given, so nothing may keep or index this page as one.
            // The form stays, with what was typed, so trying again is one click.
            Starting = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "10";
            Response.Headers.CacheControl = "no-store";
            return;
        }
        if (!limits.TrySearch(HttpContext))
        {
            TooMany = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }
        Outcome = await search.SearchAsync(Query, For == "jongeren" ? Audience.Jongeren : null, ct: ct);
        if (Outcome.Results.Count == 0)
        {
            await search.RecordUnansweredAsync(Query, Web.AbuseLimits.Network(HttpContext.Connection.RemoteIpAddress), ct);
        }
    }
}
