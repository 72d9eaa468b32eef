using Steunpunt.Information.Search;

namespace Steunpunt.Information.Surface;

/// <summary>
/// The site search's Dutch analysis (folding, stop words, compound parts, the Dutch stemmer) for other parts of the app
/// that search their own small collections (the expert group's knowledge base, the practice examples): "passende
/// plekken" finds "passend plek". What they search never enters the public search index of a steunpunt.
/// </summary>
public sealed class DutchMatching(SearchIndex index)
{
    /// <summary>The items that match the query, best first: every searched word in the item if any item has them all,
    /// otherwise any of them; a word in the title weighs three times as much as one in the text.</summary>
    public IReadOnlyList<T> Rank<T>(string? query, IEnumerable<T> items, Func<T, string> title, Func<T, string> text)
    {
        var wanted = index.Analysis.Terms(query ?? "").Distinct(StringComparer.Ordinal).ToList();
        var all = items.ToList();
        if (wanted.Count == 0)
        {
            return all;
        }
        var scored = all.Select(item =>
        {
            var inTitle = index.Analysis.Terms(title(item)).ToHashSet(StringComparer.Ordinal);
            var inText = index.Analysis.Terms(text(item)).ToHashSet(StringComparer.Ordinal);
            var found = wanted.Count(w => inTitle.Contains(w) || inText.Contains(w));
            var score = wanted.Sum(w => (inTitle.Contains(w) ? 3 : 0) + (inText.Contains(w) ? 1 : 0));
            return (item, found, score);
        }).Where(s => s.found > 0).ToList();
        var complete = scored.Where(s => s.found == wanted.Count).ToList();
        return [.. (complete.Count > 0 ? complete : scored).OrderByDescending(s => s.found).ThenByDescending(s => s.score).Select(s => s.item)];
    }

    /// <summary>The analysed words of a text, for grouping texts that are about the same thing.</summary>
    public IReadOnlyList<string> Terms(string text) => index.Analysis.Terms(text);

    /// <summary>"Hoe richt je een klankbordgroep in?" → "hoe-richt-je-een-klankbordgroep-in".</summary>
    public static string Slug(string text) => Editing.Slugs.From(text);
}
