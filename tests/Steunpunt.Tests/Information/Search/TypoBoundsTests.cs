using Lucene.Net.Search;
using Steunpunt.Information;
using Steunpunt.Information.Search;

namespace Steunpunt.Tests.Information.Search;

/// <summary>What typo tolerance may cost: a query of many unknown words does a bounded amount of typo work.</summary>
public sealed class TypoBoundsTests
{
    private static async Task<SearchIndex> IndexAsync()
    {
        var index = new SearchIndex();
        var items = new[]
        {
            ("Wat is een toelaatbaarheidsverklaring?", "Met een toelaatbaarheidsverklaring gaat uw kind naar het speciaal onderwijs."),
            ("Wat doet de leerplichtambtenaar?", "De leerplichtambtenaar let op dat kinderen naar school gaan."),
            ("Hoe werkt het leerlingenvervoer?", "De gemeente regelt het vervoer naar school."),
        };
        var articles = items.Select(i => new Article(new FaqItem { Question = i.Item1, ShortAnswer = i.Item2, Status = ContentStatus.Published }, null, null)).ToList();
        await index.RebuildAsync(new SearchSource([new SearchSource.Site(SearchSource.NationalKey, articles)], true));
        return index;
    }

    private static int Count<T>(Query query) where T : Query => (query is T ? 1 : 0) + query switch
    {
        BooleanQuery b => b.Clauses.Sum(c => Count<T>(c.Query)),
        DisjunctionMaxQuery d => d.Disjuncts.Sum(Count<T>),
        _ => 0,
    };

    [Fact]
    public async Task Unknown_words_near_nothing_get_no_typo_query()
    {
        using var index = await IndexAsync();
        var typed = string.Join(' ', Enumerable.Range(0, 10).Select(i => "zqrvelkt" + (char)('a' + i)));
        var query = SearchQuery.Build(index.Analysis, typed, "", index.Knows, index.TermsNear)!;
        Assert.Equal(0, Count<FuzzyQuery>(query) + Count<DisjunctionMaxQuery>(query));
        Assert.Equal(10 * 3, Count<TermQuery>(query)); // each word as typed, in three fields
        Assert.Null(Spelling.Suggest(typed, index, SearchSource.NationalKey));
    }

    [Fact]
    public async Task Many_typos_get_typo_queries_for_only_the_first_few_words()
    {
        using var index = await IndexAsync();
        var typed = string.Join(' ', Enumerable.Repeat("toelaatbaarheidsverklaaring leerplichtambtenar leerlingenvervoerr", 4));
        var near = 0;
        var query = SearchQuery.Build(index.Analysis, typed, "", index.Knows, (term, edits) =>
        {
            near++;
            return index.TermsNear(term, edits);
        })!;
        // A typo part in three fields per word, for at most MaxFuzzyWords words, each of at most MaxTypoExpansions terms.
        Assert.Equal(0, Count<FuzzyQuery>(query));
        Assert.InRange(Count<DisjunctionMaxQuery>(query), 3, SearchQuery.MaxFuzzyWords * 3);
        Assert.InRange(near, 1, SearchQuery.MaxFuzzyWords);
        Assert.InRange(Count<TermQuery>(query), 1, (SearchQuery.MaxWords * 3) + (SearchQuery.MaxFuzzyWords * 3 * SearchQuery.MaxTypoExpansions));
        Assert.Contains(index.TermsNear(index.Analysis.Terms("leerplichtambtenar")[0], 2), t => t.Term == index.Analysis.Terms("leerplichtambtenaar")[0]);
    }

    [Fact]
    public async Task The_closest_known_word_is_found_among_words_of_about_the_same_length()
    {
        using var index = await IndexAsync();
        Assert.Equal("toelaatbaarheidsverklaring", index.ClosestWord("toelaatbaarheidsverklaaring", 2));
        Assert.Equal("leerplichtambtenaar", index.ClosestWord("leerplichtambtenar", 2));
        Assert.Null(index.ClosestWord("xoelaatbaarheidsverklaring", 2)); // the first letter counts as typed
        Assert.Equal("toelaatbaarheidsverklaring leerplichtambtenaar", Spelling.Suggest("toelaatbaarheidsverklaaring leerplichtambtenar", index, SearchSource.NationalKey));
    }

    [Fact]
    public void Fewest_edits_win_then_the_most_frequent_word()
    {
        var words = new NearWords([new("regelem", 1), new("regelen", 9), new("regelingen", 20)], 0);
        Assert.Equal("regelem", words.Closest("regelem", 2));
        Assert.Equal("regelen", words.Closest("regelex", 2)); // one edit from both: the more frequent
        Assert.Null(words.Closest("kantoor", 2));
    }
}
