namespace Steunpunt.Information.Search;

/// <summary>"Bedoelde je …?": replaces unknown words of five letters or more by the most frequent known word
/// within one or two edits, when the site searched shows that word (a word of another steunpunt's pages would lead
/// to a search that finds nothing here).</summary>
public static class Spelling
{
    // Bounded work and memory whatever is typed: a few unknown words per query, and a cache that stops growing.
    private const int MaxUnknownWords = SearchQuery.MaxFuzzyWords;
    private const int MaxCached = 20_000;

    public static string? Suggest(string typed, SearchIndex index, string site)
    {
        var cache = index.SpellingCache; // taken before the vocabulary is read: see SearchIndex.SpellingCache
        var words = DutchText.Words(typed).Take(SearchQuery.MaxWords).ToList();
        var changed = false;
        var unknown = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Length < 5 || index.Frequency(word) > 0 || !word.All(char.IsLetter) || ++unknown > MaxUnknownWords)
            {
                continue;
            }
            var best = cache.TryGetValue(word, out var cached) ? cached
                : cache.Count < MaxCached ? cache.GetOrAdd(word, w => Closest(w, index))
                : Closest(word, index);
            if (best is not null && index.Shows(site, best))
            {
                words[i] = best;
                changed = true;
            }
        }
        return changed ? string.Join(' ', words) : null;
    }

    // Typos rarely hit the first letter; only words that start with it and differ little in length are compared.
    private static string? Closest(string word, SearchIndex index) => index.ClosestWord(word, word.Length >= 8 ? 2 : 1);
}
