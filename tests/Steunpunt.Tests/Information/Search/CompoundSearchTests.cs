using Steunpunt.Information.Search;
using static Steunpunt.Tests.Information.Search.SearchItems;

namespace Steunpunt.Tests.Information.Search;

/// <summary>A word finds the compounds that begin with it, also when the compound itself is a word of the content
/// (the index's split dictionary holds every word of the content it was built from) and short enough to be a part
/// (twenty letters at most).</summary>
public sealed class CompoundSearchTests
{
    [Fact]
    public async Task A_word_finds_the_compounds_that_begin_with_it()
    {
        using var index = new SearchIndex();
        var tenant = Guid.NewGuid();
        var site = SearchSource.KeyOf(tenant);
        var compound = Item(tenant, "Wie betaalt de zwemlesvergoeding?", "Die vergoeding regelt de zorgverzekeraar.");
        var word = Item(tenant, "Waar vind ik een zwemles?", "Bij het zwembad in uw buurt.");
        var other = Item(tenant, "Wat is een ontwikkelingsperspectief?", "Een plan voor uw kind.");
        var careful = Item(tenant, "Hoe ga ik zorgvuldig om met gegevens?", "Bewaar ze op een veilige plek.");
        var care = Item(tenant, "Wat is de zorgplicht?", "De school moet een passende plek bieden.");
        await index.RebuildAsync(new SearchSource([new SearchSource.Site(site, [compound, word, other, careful, care])], true));

        var hits = index.Search(site, SearchQuery.Build(index.Analysis, "zwemles", "", index.Knows, index.TermsNear)!, null, 20);
        // As the search page shows them: hits under the relevance floor are left out.
        var shown = hits.Where(h => h.Score >= hits.Max(h => h.Score) * SiteSearch.RelevanceFloor).Select(h => h.ArticleId).ToList();
        Assert.Contains(compound.Id, shown);
        Assert.Contains(word.Id, shown);
        Assert.DoesNotContain(other.Id, shown);

        // A word that only begins like another is no compound of it: "zorg" finds "zorgplicht", not "zorgvuldig".
        var zorg = index.Search(site, SearchQuery.Build(index.Analysis, "zorg", "", index.Knows, index.TermsNear)!, null, 20).Select(h => h.ArticleId).ToList();
        Assert.Contains(care.Id, zorg);
        Assert.DoesNotContain(careful.Id, zorg);
    }
}
