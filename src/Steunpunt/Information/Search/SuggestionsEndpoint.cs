namespace Steunpunt.Information.Search;

/// <summary>JSON for the suggestions shown while typing: the top questions of the current site.</summary>
public static class SuggestionsEndpoint
{
    public sealed record Suggestion(string Question, string Url);

    public static void MapSearchSuggestions(this WebApplication app) =>
        app.MapGet("/zoeken/suggesties", async (string? q, SiteSearch search, SearchLimits limits, HttpContext context, CancellationToken ct) =>
        {
            var query = SiteSearch.Clean(q);
            // Nothing to suggest yet while the index is still being built at start.
            if (query.Length < 2 || !search.IsAvailable || !limits.TrySuggest(context))
            {
                return TypedResults.Ok(Array.Empty<Suggestion>());
            }
            var outcome = await search.SearchAsync(query, null, take: 6, ct: ct);
            var basePath = context.Request.PathBase;
            // Answers only: a suggestion is a question someone might be asking.
            return TypedResults.Ok(outcome.Results.Where(r => r.Article is not null)
                .Select(r => new Suggestion(r.Article!.Question, $"{basePath}/informatie/{r.Article.Slug}")).ToArray());
        }).AllowAnonymous();
}
