using Steunpunt.Information.Search;

namespace Steunpunt.Information.Surface;

/// <summary>
/// The published answers of the current steunpunt that staff may point a person to: found with the site's own search
/// (without counting as a visitor's search), and looked up by web address when staff insert a link into a reply.
/// </summary>
public sealed class AnswerLinks(SiteSearch search, InformationCatalog catalog)
{
    public sealed record Answer(string Slug, string Question, Audience Audience);

    public async Task<IReadOnlyList<Answer>> FindAsync(string typed, int take, CancellationToken ct = default)
    {
        var query = SiteSearch.Clean(typed);
        var outcome = await search.SearchAsync(query, audience: null, take, ct);
        return [.. outcome.Results.Where(r => r.Article is not null).Select(r => Of(r.Article!))];
    }

    /// <summary>The published answer at this web address on this steunpunt's site, or null.</summary>
    public async Task<Answer?> BySlugAsync(string? slug, CancellationToken ct = default) =>
        string.IsNullOrEmpty(slug) ? null : await catalog.ArticleAsync(slug, ct) is { } article ? Of(article) : null;

    private static Answer Of(Article a) => new(a.Slug, a.Question, a.Audience);
}
