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

    public async Task OnGetAsync(CancellationToken ct)
    {
        var raw = Q ?? "";
        Query = SiteSearch.Clean(raw);
        TooLong = raw.Length > SiteSearch.MaxQueryLength;
        if (Query.Length == 0)
        {
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
