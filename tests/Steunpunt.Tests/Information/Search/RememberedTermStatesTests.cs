using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Steunpunt.Information;
using Steunpunt.Information.Search;

namespace Steunpunt.Tests.Information.Search;

/// <summary>
/// Search remembers where each query term is in the index (per searcher) instead of looking it up on every search.
/// That may change nothing a visitor sees: the same hits with the same scores, and new content is found at once.
/// </summary>
public sealed class RememberedTermStatesTests
{
    [Fact]
    public void A_query_with_remembered_states_finds_and_scores_exactly_as_without()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(DutchAnalysis.Version, new StandardAnalyzer(DutchAnalysis.Version))))
        {
            string[] texts =
            [
                "mijn kind zit thuis en gaat niet naar school",
                "thuiszitten en verzuim: de leerplichtambtenaar helpt",
                "vervoer naar school regelt de gemeente",
                "een kind met extra ondersteuning op school",
                "thuis leren als school even niet lukt",
            ];
            foreach (var (text, i) in texts.Select((t, i) => (t, i)))
            {
                writer.AddDocument([new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES), new TextField("body", text, Field.Store.NO)]);
                if (i == 2)
                {
                    writer.Commit(); // two segments: states per segment
                }
            }
        }
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(2, reader.Leaves.Count);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("body", "thuis")) { Boost = 4f }, Occur.SHOULD },
            { new TermQuery(new Term("body", "school")) { Boost = 0.5f }, Occur.SHOULD },
            { new TermQuery(new Term("body", "nergens")), Occur.SHOULD },
        };
        var typo = new DisjunctionMaxQuery(0.1f) { Boost = 0.4f };
        typo.Add(new TermQuery(new Term("body", "thuiszitten")) { Boost = 0.8f });
        typo.Add(new TermQuery(new Term("body", "kind")));
        query.Add(typo, Occur.SHOULD);
        var phrase = new PhraseQuery { Slop = 2, Boost = 1.5f };
        phrase.Add(new Term("body", "naar"));
        phrase.Add(new Term("body", "school"));
        query.Add(phrase, Occur.SHOULD);
        // Required and excluded parts, a minimum of optional parts, and coordination switched off, as the search's
        // own filter and Lucene's other options use them.
        var strict = new BooleanQuery(disableCoord: true) { Boost = 2f, MinimumNumberShouldMatch = 1 };
        strict.Add(new TermQuery(new Term("body", "school")) { Boost = 0 }, Occur.MUST);
        strict.Add(new TermQuery(new Term("body", "vervoer")), Occur.MUST_NOT);
        strict.Add(new TermQuery(new Term("body", "kind")), Occur.SHOULD);
        strict.Add(new TermQuery(new Term("body", "thuis")), Occur.SHOULD);
        query.Add(strict, Occur.SHOULD);

        var states = new TermStates(searcher.TopReaderContext);
        Assert.Equal(query.ToString(), states.Apply(query).ToString());
        foreach (Similarity similarity in new Similarity[] { new BM25Similarity(), new DefaultSimilarity() })
        {
            searcher.Similarity = similarity; // the default one counts coordination
            var plain = Hits(searcher, query);
            var first = Hits(searcher, states.Apply(query));
            var again = Hits(searcher, states.Apply(query)); // now from the remembered states
            Assert.Equal(5, plain.Count);
            Assert.Equal(plain, first);
            Assert.Equal(plain, again);
        }
        Assert.Equal(2, states.Of(new Term("body", "thuis")).DocFreq);
        // A term in no document is looked up each time, never remembered: what people type has no end.
        var remembered = states.Count;
        Assert.Equal(0, states.Of(new Term("body", "nergens")).DocFreq);
        Assert.Equal(0, states.Of(new Term("body", "zqxvbn")).DocFreq);
        Assert.Equal(remembered, states.Count);
        Assert.Equal(5, remembered); // thuis, school, thuiszitten, kind, vervoer (the phrase looks its terms up itself)
        Assert.True(states.IsOf(searcher));
        using var later = DirectoryReader.Open(directory);
        Assert.False(states.IsOf(new IndexSearcher(later))); // another searcher: its own states
    }

    private static List<(string Id, float Score)> Hits(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, 10).ScoreDocs.Select(d => (searcher.Doc(d.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture), d.Score))];

    // The index makes a new searcher after every change, and with it new states (see IsOf above); this shows it from
    // the outside.
    [Fact]
    public async Task A_word_searched_before_it_was_written_is_found_once_it_is()
    {
        using var index = new SearchIndex();
        var site = SearchSource.NationalKey;
        static Article Item(string question, string answer) => new(new FaqItem { Question = question, ShortAnswer = answer, Status = ContentStatus.Published }, null, null);
        var before = new[] { Item("Wat is een toelaatbaarheidsverklaring?", "Met een toelaatbaarheidsverklaring gaat uw kind naar het speciaal onderwijs.") };
        await index.RebuildAsync(new SearchSource([new SearchSource.Site(site, before)], true));
        Query Build(string typed) => SearchQuery.Build(index.Analysis, typed, "", index.Knows, index.TermsNear)!;

        Assert.Empty(index.Search(site, Build("zwemdiploma"), null, 10)); // in no document yet
        Assert.Single(index.Search(site, Build("toelaatbaarheidsverklaring"), null, 10));

        var after = before.Append(Item("Telt het zwemdiploma mee?", "Het zwemdiploma hoort niet bij passend onderwijs.")).ToArray();
        await index.ReplaceAsync(new SearchSource([new SearchSource.Site(site, after)], false));
        Assert.Single(index.Search(site, Build("zwemdiploma"), null, 10));
        Assert.Single(index.Search(site, Build("toelaatbaarheidsverklaring"), null, 10));
    }
}
