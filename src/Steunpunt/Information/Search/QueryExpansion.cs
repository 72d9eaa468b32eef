namespace Steunpunt.Information.Search;

/// <summary>
/// Abbreviations and synonyms, both ways: "TLV" also searches "toelaatbaarheidsverklaring" and the other way
/// round, using the glossary (national plus the steunpunt's own) and the steunpunt's own synonyms.
/// </summary>
public sealed class QueryExpansion
{
    private readonly List<(string[] Words, string Others)> _entries = [];

    public QueryExpansion(IEnumerable<GlossaryTerm> glossary, IEnumerable<SearchSynonym> synonyms)
    {
        foreach (var term in glossary)
        {
            var forms = term.SurfaceForms().Select(f => f.Form).Where(f => f.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var form in forms)
            {
                _entries.Add((DutchText.Words(form).ToArray(), string.Join(' ', forms.Where(f => f != form))));
            }
        }
        foreach (var synonym in synonyms)
        {
            _entries.Add((DutchText.Words(synonym.Word).ToArray(), synonym.Means));
            _entries.Add((DutchText.Words(synonym.Means).ToArray(), synonym.Word));
        }
        _entries.RemoveAll(e => e.Words.Length == 0);
    }

    /// <summary>Extra words to search for, for every glossary form or synonym found whole in the query.</summary>
    public string Expand(string typed)
    {
        var words = DutchText.Words(typed).ToArray();
        var extra = new List<string>();
        foreach (var (formWords, others) in _entries)
        {
            if (Contains(words, formWords))
            {
                extra.Add(others);
            }
        }
        return string.Join(' ', extra.Distinct());
    }

    /// <summary>Whether the words hold the phrase's words in a row.</summary>
    public static bool Contains(string[] words, string[] phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var all = true;
            for (var j = 0; j < phrase.Length && all; j++)
            {
                // IB'er is typed as "ib er", "iber" or "ib'er": compare without the apostrophe's split.
                all = words[i + j] == phrase[j];
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }
}
