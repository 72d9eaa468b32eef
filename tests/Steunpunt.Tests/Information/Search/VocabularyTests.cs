using Steunpunt.Information;
using Steunpunt.Information.Search;
using static Steunpunt.Tests.Information.Search.SearchItems;

namespace Steunpunt.Tests.Information.Search;

/// <summary>The index's vocabulary (what "Bedoelde je …?" suggests, and which words count as written on the site) is
/// the words of the documents indexed now: an edit or a removal takes the old words out, and a site offers and
/// recognises only the words it shows.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public async Task An_edited_or_removed_answer_takes_its_words_out_of_the_vocabulary_and_suggestions()
    {
        using var index = new SearchIndex();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var (siteA, siteB) = (SearchSource.KeyOf(a), SearchSource.KeyOf(b));
        var national = Item(null, "Wat doet de gemeente bij het grutterveldplan?", "Het grutterveldplan regelt vervoer.");
        var own = Item(a, "Waar vind ik de zwoegerplank?", "De zwoegerplank staat bij het loket.");
        var other = Item(b, "Wat is een ontwikkelingsperspectief?", "Een plan voor uw kind.");
        await index.RebuildAsync(new SearchSource(
        [
            new SearchSource.Site(SearchSource.NationalKey, [national]),
            new SearchSource.Site(siteA, [national, own]),
            new SearchSource.Site(siteB, [national, other]),
        ], true));
        Assert.Equal(2, index.Frequency("zwoegerplank"));
        Assert.Equal(6, index.Frequency("grutterveldplan")); // twice in the answer, shown in three sites
        Assert.Equal("zwoegerplank", Spelling.Suggest("zwoegerplonk", index, siteA));
        Assert.Null(Spelling.Suggest("zwoegerplonk", index, siteB)); // another steunpunt's word is not offered here

        // The same content again (a publish that changed nothing elsewhere) counts nothing twice.
        await index.ReplaceAsync(new SearchSource([new SearchSource.Site(siteA, [national, own])], false));
        Assert.Equal(2, index.Frequency("zwoegerplank"));
        Assert.Equal(6, index.Frequency("grutterveldplan"));

        // The steunpunt edits its answer: the old word is gone, the new one is there.
        var edited = Item(a, "Waar vind ik de wachtkamer?", "De wachtkamer is bij het loket.", own.Id);
        await index.ReplaceAsync(new SearchSource([new SearchSource.Site(siteA, [national, edited])], false));
        Assert.Equal(0, index.Frequency("zwoegerplank"));
        Assert.Null(Spelling.Suggest("zwoegerplonk", index, siteA));
        Assert.Equal(2, index.Frequency("wachtkamer"));
        Assert.Equal(1, index.Frequency("loket"));

        // A national answer is changed in every site at once.
        var changed = Item(null, "Wat doet de gemeente bij het vervoersplan?", "Het vervoersplan regelt vervoer.", national.Id);
        await index.ReplaceItemsAsync([national.Id], new SearchSource(
        [
            new SearchSource.Site(SearchSource.NationalKey, [changed]),
            new SearchSource.Site(siteA, [changed]),
            new SearchSource.Site(siteB, [changed]),
        ], false));
        Assert.Equal(0, index.Frequency("grutterveldplan"));
        Assert.Null(Spelling.Suggest("grutterveldplam", index, siteB));
        Assert.Equal(6, index.Frequency("vervoersplan"));
        Assert.Equal(2, index.Frequency("wachtkamer"));

        // One steunpunt adds a supplement to the national answer; the others keep showing it as it is.
        var supplemented = new Article(changed.Source, null, new FaqItem { TenantId = b, NationalItemId = national.Id, Supplement = "Bij ons heet dat de bolderkar." });
        await index.ReplaceAsync(new SearchSource([new SearchSource.Site(siteB, [supplemented, other])], false));
        Assert.Equal(1, index.Frequency("bolderkar"));
        Assert.Equal(6, index.Frequency("vervoersplan"));
        await index.ReplaceAsync(new SearchSource([new SearchSource.Site(siteB, [changed, other])], false));
        Assert.Equal(0, index.Frequency("bolderkar"));
        Assert.Equal(6, index.Frequency("vervoersplan"));

        // A steunpunt hides the national answer: its copy goes, the others stay.
        await index.ReplaceItemsAsync([national.Id], new SearchSource(
        [
            new SearchSource.Site(SearchSource.NationalKey, [changed]),
            new SearchSource.Site(siteB, [changed]),
        ], false));
        Assert.Equal(4, index.Frequency("vervoersplan"));
        Assert.Equal(2, index.Frequency("wachtkamer"));

        // A steunpunt's own page, then a steunpunt that shows nothing of its own any more.
        var page = new RegionalPage { Id = Guid.NewGuid(), TenantId = a, Title = "Over ons", Body = "Wij zitten in het koetshuis." };
        await index.ReplaceAsync(new SearchSource([new SearchSource.Site(siteA, [edited]) { Pages = [page] }], false));
        Assert.Equal(1, index.Frequency("koetshuis"));
        Assert.Equal(4, index.Frequency("vervoersplan"));
        await index.ReplaceAsync(new SearchSource([new SearchSource.Site(siteA, [changed])], false));
        Assert.Equal(0, index.Frequency("koetshuis"));
        Assert.Equal(0, index.Frequency("wachtkamer"));
        Assert.Equal(6, index.Frequency("vervoersplan"));
        Assert.Equal(1, index.Frequency("ontwikkelingsperspectief"));
    }

    [Fact]
    public async Task A_word_counts_as_shown_only_on_the_sites_that_show_it()
    {
        using var index = new SearchIndex();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var (siteA, siteB) = (SearchSource.KeyOf(a), SearchSource.KeyOf(b));
        var national = Item(null, "Wie betaalt het leerlingenvervoer?", "De gemeente.");
        await index.RebuildAsync(new SearchSource(
        [
            new SearchSource.Site(SearchSource.NationalKey, [national]),
            new SearchSource.Site(siteA, [national]),
            new SearchSource.Site(siteB, [national, Item(b, "Wie is mevrouw Grevenbroek?", "Onze consulent Grevenbroek.")]),
        ], true));

        Assert.True(index.Shows(siteB, "grevenbroek"));
        Assert.False(index.Shows(siteA, "grevenbroek"));
        Assert.True(index.Shows(siteA, "leerlingenvervoer"));
        Assert.True(index.Shows(siteA, "gemeente"));
        Assert.False(index.Shows(siteA, "gemeentehuis"));
        Assert.True(index.Shows(siteA, "wie")); // a stop word: in every text, never indexed
    }

    [Fact]
    public async Task A_word_in_the_site_before_and_after_a_publish_never_drops_out_meanwhile()
    {
        using var index = new SearchIndex();
        var tenant = Guid.NewGuid();
        var site = SearchSource.KeyOf(tenant);
        // The word is on the last page of the site, so it is indexed last in every publish.
        var items = Enumerable.Range(0, 200).Select(i => Item(tenant, $"Vraag {i} over het leerlingenvervoer?", "Een antwoord.")).ToList();
        var page = new RegionalPage { Id = Guid.NewGuid(), TenantId = tenant, Title = "Over ons", Body = "Wij zitten in het koetshuis." };
        var source = new SearchSource([new SearchSource.Site(site, items) { Pages = [page] }], false);
        await index.RebuildAsync(source with { Complete = true });

        var publishing = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await index.ReplaceAsync(source);
            }
        });
        var reads = 0;
        while (!publishing.IsCompleted)
        {
            // Counted twice for a moment (the new page is in before the old one is taken out), never not at all.
            Assert.InRange(index.Frequency("koetshuis"), 1, 2);
            reads++;
        }
        await publishing;
        Assert.True(reads > 0);
        Assert.Equal(1, index.Frequency("koetshuis"));
    }
}
