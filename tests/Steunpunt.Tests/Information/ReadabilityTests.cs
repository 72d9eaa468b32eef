using Steunpunt.Information;
using Steunpunt.Information.Editing;

namespace Steunpunt.Tests.Information;

/// <summary>The readability advice beside the editor, on texts whose counts were worked out by hand (below).</summary>
public sealed class ReadabilityTests
{
    // 11 sentences. Words and syllables per sentence, counted by hand (vowel groups, "aa", "oo", "ie", "ij", "eu" once):
    //  1 Uw kind gaat naar school                        5 words  5 syllables
    //  2 De school helpt uw kind                         5        5
    //  3 Soms is er ex-tra hulp no-dig                   6        8
    //  4 Dan praat u met de le-raar                      6        7
    //  5 Sa-men kijkt u wat uw kind no-dig heeft         8       10
    //  6 De le-raar schrijft dat op in een plan          8        9
    //  7 U leest het plan en zegt wat u er-van vindt    10       11
    //  8 Is het goed                                     3        3
    //  9 Dan gaat de school aan de slag                  7        7
    // 10 Bent u het niet eens                            5        5
    // 11 Bel dan het steun-punt                          4        5
    // Total 67 words, 75 syllables: 206.835 − 0.93 × 67/11 − 77 × 75/67 = 206.835 − 5.6645 − 86.1940 = 114.976.
    private const string Plain =
        "Uw kind gaat naar school. De school helpt uw kind. Soms is er extra hulp nodig. Dan praat u met de leraar. " +
        "Samen kijkt u wat uw kind nodig heeft. De leraar schrijft dat op in een plan. U leest het plan en zegt wat u ervan vindt. " +
        "Is het goed? Dan gaat de school aan de slag. Bent u het niet eens? Bel dan het steunpunt.";

    // 3 sentences, 44 words: too short to score, whatever its sentences. Counted by hand:
    //  1 (33 words, 71 syllables) Na de be-oor-de-ling van de aan-vraag door het sa-men-wer-kings-ver-band wordt de
    //    toe-laat-baar-heids-ver-kla-ring door de com-mis-sie van des-kun-di-gen bin-nen zes we-ken ge-ëf-fec-tu-eerd,
    //    te-nein-de de plaat-sing van de leer-ling in het spe-ci-aal on-der-wijs te be-werk-stel-li-gen.
    //  2 (8 words, 16 syllables) Het ZAT en het CvB (no vowel: read as three letters) wor-den hier-o-ver ge-ïn-for-meerd.
    //  3 (3 words, 6 syllables) Be-zwaar is mo-ge-lijk.
    private const string Jargon =
        "Na de beoordeling van de aanvraag door het samenwerkingsverband wordt de toelaatbaarheidsverklaring door de commissie " +
        "van deskundigen binnen zes weken geëffectueerd, teneinde de plaatsing van de leerling in het speciaal onderwijs te " +
        "bewerkstelligen. Het ZAT en het CvB worden hierover geïnformeerd. Bezwaar is mogelijk.";

    // The jargon text plus two sentences, counted by hand:
    //  4 (9 words, 13 syllables) De ou-ders krij-gen daar-o-ver een brief van de school.
    //  5 (9 words, 9 syllables) In die brief staat wat de school gaat doen.
    // Total 62 words in 5 sentences, 93 + 13 + 9 = 115 syllables:
    // 206.835 − 0.93 × 62/5 − 77 × 115/62 = 206.835 − 11.532 − 142.8226 = 52.480.
    private const string JargonLonger = Jargon + " De ouders krijgen daarover een brief van de school. In die brief staat wat de school gaat doen.";

    private static readonly GlossaryTerm[] s_glossary = [new() { Term = "Toelaatbaarheidsverklaring", Abbreviation = "TLV" }];

    [Fact]
    public void A_plain_text_scores_as_counted_by_hand()
    {
        var report = Readability.Analyse(Plain, Audience.Ouders, s_glossary);

        Assert.Equal((67, 11, 75), (report.Words, report.Sentences, report.Syllables));
        Assert.NotNull(report.Score);
        Assert.Equal(114.976, report.Score.Value, 3);
        Assert.Equal("zeer makkelijk", Readability.Level(report.Score.Value));
        Assert.Empty(report.LongSentences);
        Assert.Empty(report.WrongAddress);
    }

    [Fact]
    public void A_longer_jargon_text_scores_as_counted_by_hand()
    {
        var report = Readability.Analyse(JargonLonger, Audience.Ouders, s_glossary);

        Assert.Equal((62, 5, 115), (report.Words, report.Sentences, report.Syllables));
        Assert.NotNull(report.Score);
        Assert.Equal(52.480, report.Score.Value, 3);
        Assert.Equal("vrij moeilijk", Readability.Level(report.Score.Value));
        Assert.Equal("Dat is iets moeilijker dan taalniveau B1.", Readability.B1(report.Score.Value));
    }

    [Fact]
    public void A_text_under_fifty_words_gets_no_score()
    {
        var report = Readability.Analyse(Jargon, Audience.Ouders, s_glossary);

        Assert.Equal((44, 3, 93), (report.Words, report.Sentences, report.Syllables));
        Assert.Null(report.Score);
    }

    [Fact]
    public void A_text_of_fewer_than_three_sentences_gets_no_score()
    {
        // The plain text's 67 words, its full stops made into commas: two sentences (split at the two question marks
        // followed by a capital), so no score.
        var twoSentences = Plain.Replace(". ", ", ", StringComparison.Ordinal).Replace("Is het goed? Dan", "is het goed, dan", StringComparison.Ordinal);
        var report = Readability.Analyse(twoSentences, Audience.Ouders, []);

        Assert.Equal((67, 2), (report.Words, report.Sentences));
        Assert.Null(report.Score);
    }

    [Fact]
    public void A_sentence_over_twenty_words_is_listed_with_its_word_count()
    {
        var report = Readability.Analyse(Jargon, Audience.Ouders, s_glossary);

        var longSentence = Assert.Single(report.LongSentences);
        Assert.Equal(33, longSentence.Words);
        Assert.StartsWith("Na de beoordeling", longSentence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Passive_constructions_and_nominalisations_are_hinted()
    {
        var report = Readability.Analyse(Jargon, Audience.Ouders, s_glossary);

        string[] passives = ["wordt … geëffectueerd … door", "worden … geïnformeerd"];
        string[] nominalisations = ["beoordeling van", "plaatsing van"];
        Assert.Equal(passives, report.Passives.Select(p => p.Words));
        Assert.Equal(nominalisations, report.Nominalisations.Select(n => n.Word));
    }

    [Theory]
    [InlineData("Het formulier wordt door de school ingevuld.", "wordt … ingevuld … door")]
    [InlineData("Het besluit is door het bestuur genomen.", "is … genomen … door")]
    [InlineData("De school vult het formulier in.", null)]
    [InlineData("Hij is naar een andere school gegaan.", null)]
    public void Only_passive_sentences_are_hinted(string sentence, string? expected)
    {
        var report = Readability.Analyse(sentence, Audience.Ouders, []);

        Assert.Equal(expected, report.Passives.SingleOrDefault()?.Words);
    }

    [Fact]
    public void Words_neither_common_nor_in_the_glossary_are_listed()
    {
        var report = Readability.Analyse(Jargon, Audience.Ouders, s_glossary);
        var words = report.UnknownWords.Select(w => w.Word).ToList();

        Assert.Contains("ZAT", words);
        Assert.Contains("CvB", words);
        Assert.Contains("teneinde", words);
        Assert.Contains("geëffectueerd", words);
        // In the glossary, common, or a compound of common words.
        Assert.DoesNotContain("toelaatbaarheidsverklaring", words);
        Assert.DoesNotContain("leerling", words);
        Assert.DoesNotContain("hierover", words);
    }

    [Fact]
    public void The_other_form_of_address_is_flagged()
    {
        Assert.Equal(new[] { ("uw", 3), ("u", 5) }, Readability.Analyse(Plain, Audience.Jongeren, []).WrongAddress.Select(w => (w.Word, w.Count)));
        Assert.Equal(new[] { ("je", 2), ("jouw", 1) },
            Readability.Analyse("Wat kun je doen? Vraag je mentor. Het is jouw keuze.", Audience.Ouders, []).WrongAddress.Select(w => (w.Word, w.Count)));
        Assert.Empty(Readability.Analyse(Plain, null, []).WrongAddress);
    }

    [Theory]
    [InlineData("school", 1)]
    [InlineData("geëffectueerd", 5)]
    [InlineData("ideeën", 3)]
    [InlineData("actueel", 3)]
    [InlineData("beamen", 3)]
    [InlineData("mooi", 1)]
    [InlineData("nieuw", 1)]
    [InlineData("leeuw", 1)]
    [InlineData("bijzonder", 3)]
    [InlineData("ondersteuning", 4)]
    [InlineData("toelaatbaarheidsverklaring", 7)]
    [InlineData("baby", 2)]
    [InlineData("TLV", 3)]
    public void Syllables_are_counted_as_Dutch_vowel_groups(string word, int syllables) =>
        Assert.Equal(syllables, Readability.Syllables(word));

    [Fact]
    public void Markdown_lists_and_headings_end_sentences_and_links_keep_their_text()
    {
        var report = Readability.Analyse("## Wat kunt u doen\n\n- Bel de school\n- Lees [de brief](https://example.org/brief) nog eens\n\nDan weet u meer.", null, []);

        // "Wat kunt u doen" | "Bel de school" | "Lees de brief nog eens" | "Dan weet u meer": 4 + 3 + 5 + 4 words.
        Assert.Equal(4, report.Sentences);
        Assert.Equal(16, report.Words);
    }
}
