using System.Net;
using Steunpunt.Information;
using Steunpunt.Information.Search;

namespace Steunpunt.Tests.Information.Search;

/// <summary>Marking a result's words: the matched words in &lt;mark&gt;, everything else HTML-encoded as
/// <see cref="WebUtility.HtmlEncode(string)"/> encodes it.</summary>
public sealed class MarkingTests
{
    [Fact]
    public async Task Matched_words_are_marked_and_the_rest_is_encoded()
    {
        using var index = new SearchIndex();
        var item = new Article(new FaqItem { Question = "Vervoer", ShortAnswer = "Leerlingenvervoer naar school", Status = ContentStatus.Published }, null, null);
        await index.RebuildAsync(new SearchSource([new SearchSource.Site(SearchSource.NationalKey, [item])], true));
        // Marking needs only the index; the other parts of search are not used.
        var search = new SiteSearch(index, null!, null!, null!, TimeProvider.System, null!, null!, null!);
        var terms = index.Analysis.Terms("leerlingenvervoer").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(terms);

        const string text = "Het <b>leerlingenvervoer</b> & \"één\" 'kind' 😀 – 2026: Leerlingenvervoer!";
        var marked = search.Mark(text, terms).ToString()!;

        Assert.Equal(2, marked.Split("<mark>").Length - 1);
        Assert.Contains("<mark>leerlingenvervoer</mark>", marked, StringComparison.Ordinal);
        Assert.Contains("<mark>Leerlingenvervoer</mark>!", marked, StringComparison.Ordinal);
        // Without the marks, exactly what HtmlEncode makes of the whole text.
        Assert.Equal(WebUtility.HtmlEncode(text), marked.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
        Assert.Equal(WebUtility.HtmlEncode("geen treffer"), search.Mark("geen treffer", terms).ToString()!);
    }
}
