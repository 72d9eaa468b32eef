using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Steunpunt.Information.Search;

/// <summary>
/// Turns what a parent typed into a ranked Lucene query: every analysed word counts in the question (most), the
/// short answer and the body; unknown words of five letters or more also match with a small typo; the whole phrase
/// scores extra; synonyms and glossary expansions count a little less than the words typed.
/// </summary>
public static class SearchQuery
{
    // Bounded work per query, whatever is typed: at most this many words count, and only the first few unknown ones
    // are also matched with a typo (a fuzzy match walks the term dictionary, which costs many times an exact one).
    public const int MaxWords = 12;
    public const int MaxFuzzyWords = 3;
    private const int MaxExpansions = 20;
    /// <summary>Indexed terms a word with a typo also matches, at most (per word; per query at most
    /// <see cref="MaxFuzzyWords"/> times this).</summary>
    public const int MaxTypoExpansions = 20;

    private static readonly (string Field, float Boost)[] s_fields =
    [
        (SearchIndex.QuestionField, 4f),
        (SearchIndex.ShortField, 2f),
        (SearchIndex.BodyField, 1f),
    ];

    /// <summary>The edits a typo query allows for a term: two for long words, one for others.</summary>
    public static int TypoEdits(string term) => term.Length >= 8 ? 2 : 1;

    // known: whether a term is in the index (then it gets no typo query). near: the indexed terms within the given
    // edits of a term (sharing its first letter) with their weight, looked up once per content version (see
    // SearchIndex.TermsNear); they replace Lucene's fuzzy query, which walks the term dictionary on every search.
    // Without it (no index at hand) a fuzzy query is used.
    public static Query? Build(DutchAnalysis analysis, string typed, string expansion, Func<string, bool>? known = null,
        Func<string, int, IReadOnlyList<(string Term, float Similarity)>>? near = null)
    {
        var tokens = Tokens(analysis, typed);
        var extra = Tokens(analysis, expansion).Select(t => t.Term).Except(tokens.Select(t => t.Term)).Distinct().Take(MaxExpansions).ToList();
        if (tokens.Count == 0 && extra.Count == 0)
        {
            return null;
        }
        var query = new BooleanQuery();
        var fuzzy = 0;
        foreach (var term in tokens.Select(t => t.Term).Distinct().Take(MaxWords))
        {
            var typo = term.Length >= 5 && fuzzy < MaxFuzzyWords && known?.Invoke(term) != true;
            var nearTerms = typo ? near?.Invoke(term, TypoEdits(term)) : null;
            // A word near no indexed term gets no typo part: it could find nothing.
            typo &= nearTerms is null || nearTerms.Count > 0;
            fuzzy += typo ? 1 : 0;
            query.Add(WordQuery(term, 1f, fuzzy: typo, nearTerms), Occur.SHOULD);
        }
        foreach (var term in extra)
        {
            query.Add(WordQuery(term, 0.7f, fuzzy: false, null), Occur.SHOULD);
        }
        // The words as typed, close together, in the question or short answer.
        var positions = tokens.GroupBy(t => t.Position).Select(g => g.First()).Take(MaxWords).ToList();
        if (positions.Count >= 2)
        {
            foreach (var (field, boost) in s_fields.Take(2))
            {
                var phrase = new PhraseQuery { Slop = 2, Boost = boost * 1.5f };
                foreach (var token in positions)
                {
                    phrase.Add(new Term(field, token.Term), token.Position);
                }
                query.Add(phrase, Occur.SHOULD);
            }
        }
        return query;
    }

    private static BooleanQuery WordQuery(string term, float weight, bool fuzzy, IReadOnlyList<(string Term, float Similarity)>? nearTerms)
    {
        var word = new BooleanQuery();
        foreach (var (field, boost) in s_fields)
        {
            word.Add(new TermQuery(new Term(field, term)) { Boost = boost * weight }, Occur.SHOULD);
            if (fuzzy && nearTerms is not null)
            {
                // The typo's part counts as one clause: the best near term scores, the others add a little.
                var typo = new DisjunctionMaxQuery(0.1f) { Boost = boost * weight * 0.4f };
                foreach (var (near, similarity) in nearTerms)
                {
                    typo.Add(new TermQuery(new Term(field, near)) { Boost = similarity });
                }
                word.Add(typo, Occur.SHOULD);
            }
            else if (fuzzy)
            {
                word.Add(new FuzzyQuery(new Term(field, term), TypoEdits(term), prefixLength: 1, maxExpansions: 20, transpositions: true)
                {
                    Boost = boost * weight * 0.4f,
                }, Occur.SHOULD);
            }
        }
        return word;
    }

    public sealed record Token(string Term, int Position);

    public static IReadOnlyList<Token> Tokens(DutchAnalysis analysis, string text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }
        using var stream = analysis.GetTokenStream("q", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken() && tokens.Count < 100)
        {
            position += increment.PositionIncrement;
            tokens.Add(new Token(term.ToString(), Math.Max(position, 0)));
        }
        stream.End();
        return tokens;
    }
}
