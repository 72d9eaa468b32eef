using Steunpunt.Information.Search;

namespace Steunpunt.Tests.Information.Search;

public sealed class DutchAnalysisTests
{
    private static readonly DutchAnalysis s_analysis = new(DutchAnalysis.CompoundParts(["leerlingen", "vervoer", "school", "gids"]));

    [Fact]
    public void Plural_and_singular_share_a_stem()
    {
        Assert.Equal(s_analysis.Terms("school"), s_analysis.Terms("scholen"));
        Assert.Equal(s_analysis.Terms("leerling"), s_analysis.Terms("leerlingen"));
    }

    [Fact]
    public void Diacritics_are_folded()
    {
        Assert.Equal(s_analysis.Terms("financiele"), s_analysis.Terms("financiële"));
        Assert.Equal(s_analysis.Terms("geinteresseerd"), s_analysis.Terms("geïnteresseerd"));
    }

    [Fact]
    public void Compounds_also_yield_their_parts()
    {
        var terms = s_analysis.Terms("leerlingenvervoer");
        Assert.Contains(s_analysis.Terms("leerling")[0], terms);
        Assert.Contains(s_analysis.Terms("vervoer")[0], terms);
        Assert.Contains(s_analysis.Terms("gids")[0], s_analysis.Terms("schoolgids"));
    }

    [Fact]
    public void A_compound_that_is_itself_a_word_of_the_content_still_yields_its_parts()
    {
        // The index's dictionary holds every word of the content, the compounds themselves too.
        using var content = new DutchAnalysis(DutchAnalysis.CompoundParts(["leerlingenvervoer", "leerlingen", "vervoer", "schoolgids", "school", "gids"]));
        // The word itself, then each part once.
        Assert.Equal(["leerlingenvervoer", content.Terms("leerlingen")[0], content.Terms("vervoer")[0]], content.Terms("leerlingenvervoer"));
        Assert.Equal(["schoolgid", content.Terms("school")[0], content.Terms("gids")[0]], content.Terms("schoolgids"));
        // A plural is no compound of its singular and "en", nor of "leer" and "lingen".
        Assert.Equal(content.Terms("leerling"), content.Terms("leerlingen"));
    }

    [Fact]
    public void A_word_of_the_content_is_split_only_where_another_word_follows()
    {
        using var content = new DutchAnalysis(DutchAnalysis.CompoundParts(["zorgvuldig", "zorg", "tijdelijk", "tijd", "zorgplicht", "plicht"]));
        Assert.Single(content.Terms("zorgvuldig"));
        Assert.Single(content.Terms("tijdelijk"));
        Assert.Equal(["zorgplicht", "zorg", "plicht"], content.Terms("zorgplicht"));
    }

    [Fact]
    public void Stop_words_go_but_words_that_carry_meaning_stay()
    {
        Assert.Empty(s_analysis.Terms("de het een van"));
        Assert.Equal(2, s_analysis.Terms("niet eens").Count);
    }

    [Theory]
    [InlineData("toelaatbaarheidsverklaaring", "toelaatbaarheidsverklaring", 1)]
    [InlineData("dislexie", "dyslexie", 1)]
    [InlineData("consulnet", "consulent", 1)]
    [InlineData("abc", "abc", 0)]
    public void Edit_distance_counts_swaps_as_one(string a, string b, int expected) =>
        Assert.Equal(expected, Typos.Distance(a, b, 2));
}

public sealed class SearchBoundsTests
{
    private static readonly DutchAnalysis s_analysis = new(DutchAnalysis.CompoundParts(["leerlingen", "vervoer", "school"]));

    [Fact]
    public void A_query_of_many_unknown_words_is_cut_to_a_few_words_and_fewer_typo_matches()
    {
        var typed = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"onbekendwoord{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}"));
        var query = (Lucene.Net.Search.BooleanQuery)SearchQuery.Build(s_analysis, typed, "", known: _ => false)!;
        var words = query.Clauses.Select(c => c.Query).OfType<Lucene.Net.Search.BooleanQuery>().ToList();
        Assert.Equal(SearchQuery.MaxWords, words.Count);
        var fuzzy = words.Count(w => w.Clauses.Any(c => c.Query is Lucene.Net.Search.FuzzyQuery));
        Assert.Equal(SearchQuery.MaxFuzzyWords, fuzzy);
    }
}
