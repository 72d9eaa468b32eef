using Lucene.Net.Index;
using Lucene.Net.Search;
using Steunpunt.Information;
using Steunpunt.Information.Search;

namespace Steunpunt.Tests.Information.Search;

/// <summary>The index analyses a national answer's texts once and replays the tokens for every site that shows it.
/// A replayed text must be indexed exactly as a text analysed anew: the same terms, positions and field lengths, so
/// the same hits with the same scores.</summary>
public sealed class SharedNationalTextTests
{
    private const string Question = "Wie betaalt het leerlingenvervoer naar de school voor speciaal onderwijs?";
    private const string Short = "De gemeente betaalt het vervoer als de school ver weg is.";
    private const string Body = "Vraag het leerlingenvervoer aan bij uw gemeente. Scholen en gemeenten helpen u met de aanvraag.";

    [Fact]
    public async Task A_national_answer_indexed_from_kept_tokens_scores_as_the_same_text_analysed_anew()
    {
        using var index = new SearchIndex();
        var national = new Article(new FaqItem { Question = Question, ShortAnswer = Short, Explanation = Body, Status = ContentStatus.Published }, null, null);
        var regional = new Article(new FaqItem { TenantId = Guid.NewGuid(), Question = Question, ShortAnswer = Short, Explanation = Body, Status = ContentStatus.Published }, null, null);
        var other = new Article(new FaqItem { TenantId = Guid.NewGuid(), Question = "Wat is een ontwikkelingsperspectiefplan?", ShortAnswer = "Een plan voor uw kind.", Status = ContentStatus.Published }, null, null);
        var site = SearchSource.KeyOf(Guid.NewGuid());
        // The national answer in two sites: the second one is indexed from the tokens kept from the first.
        await index.RebuildAsync(new SearchSource(
            [new SearchSource.Site(SearchSource.NationalKey, [national]), new SearchSource.Site(site, [national, regional, other])], true));

        Query Build(string typed) => SearchQuery.Build(index.Analysis, typed, "", index.Knows, index.TermsNear)!;
        // A word's own term comes first; the parts of a compound follow it at the same position.
        string Analysed(string word) => index.Analysis.Terms(word)[0];
        var phrase = new PhraseQuery { new Term(SearchIndex.BodyField, Analysed("gemeenten")), new Term(SearchIndex.BodyField, Analysed("helpen")) };
        foreach (var (what, query) in new (string, Query)[]
        {
            ("a compound and its part", Build("leerlingenvervoer")),
            ("a part of a compound only", new TermQuery(new Term(SearchIndex.QuestionField, Analysed("vervoer")))),
            ("a stemmed word", Build("scholen")),
            ("two words in a row after a compound", phrase),
        })
        {
            var hits = index.Search(site, query, null, 10);
            Assert.True(hits.Count == 2, $"{what}: {hits.Count} hits instead of the national and the regional answer.");
            var scores = hits.ToDictionary(h => h.ArticleId, h => h.Score);
            Assert.True(scores[national.Id] == scores[regional.Id], $"{what}: national {scores[national.Id]} against regional {scores[regional.Id]}.");
        }
    }
}
