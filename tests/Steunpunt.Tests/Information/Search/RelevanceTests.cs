using System.Text.RegularExpressions;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information.Search;

/// <summary>Realistic parent and youth queries on the starter content: the expected item is in the top 3.</summary>
public sealed partial class RelevanceTests(Apps apps) : IClassFixture<Apps>
{
    public static TheoryData<string, string> Queries => new()
    {
        // Spoken phrasing
        { "mijn zoon zit al weken thuis", "mijn-kind-zit-thuis" },
        { "ze wil niet meer naar school", "ik-wil-niet-meer-naar-school" },
        { "school wil mijn kind wegsturen", "school-wil-mijn-kind-verwijderen" },
        { "mijn dochter wordt gepest op school", "mijn-kind-wordt-gepest" },
        { "ik ben het niet eens met de school", "ik-ben-het-niet-eens-met-school" },
        { "hoe meld ik mijn kind aan", "hoe-meld-ik-mijn-kind-aan" },
        { "welke hulp moet de school geven", "wat-is-basisondersteuning" },
        { "mijn kind verveelt zich in de klas", "hulp-bij-begaafdheid" },
        { "de reis met de taxi duurt te lang", "reistijd-leerlingenvervoer-te-lang" },
        { "mijn kind is lang ziek", "ziek-en-niet-naar-school" },
        { "hoe bereid ik een gesprek voor", "goed-gesprek-met-school" },
        { "wie regelt de extra hulp op school", "wie-doet-wat-op-school" },
        { "wat doen jullie met mijn gegevens", "wat-gebeurt-er-met-mijn-gegevens" },
        { "kan ik meepraten over beleid", "meepraten-als-ouder" },
        // Abbreviations, both ways
        { "tlv aanvragen", "wat-is-een-tlv" },
        { "TLV", "wat-is-een-tlv" },
        { "opp", "wat-is-een-opp" },
        { "ontwikkelingsperspectief", "wat-is-een-opp" },
        { "verschil sbo en so", "verschil-sbo-so-vso" },
        { "vso", "verschil-sbo-so-vso" },
        { "gpo", "geschillencommissie-passend-onderwijs" },
        { "wat doet de ib'er", "wie-doet-wat-op-school" },
        { "swv", "wat-doet-het-samenwerkingsverband" },
        // Typos
        { "toelaatbaarheidsverklaaring", "wat-is-een-tlv" },
        { "leerplichtambtenar", "wat-doet-de-leerplichtambtenaar" },
        { "dislexie", "dyslexie-op-school" },
        { "geschorsd", "mijn-kind-is-geschorst" },
        { "onderwijsconsulnet", "wat-doet-een-onderwijsconsulent" },
        { "leerlingvervoer aanvragen", "leerlingenvervoer-aanvragen" },
        // Compounds and stems
        { "vervoer naar school", "leerlingenvervoer-aanvragen" },
        { "vervoer leerlingen", "leerlingenvervoer-aanvragen" },
        { "scholen speciaal onderwijs", "verschil-sbo-so-vso" },
        { "thuiszitter", "wat-is-een-thuiszitter" },
        { "examens aanpassingen", "aanpassingen-bij-examens" },
        { "wachtlijst", "wachtlijst-speciaal-onderwijs" },
        { "jeugdhulp onder schooltijd", "jeugdhulp-op-school" },
        { "taalklas", "nieuwkomer-taalklas" },
        // Youth phrasing
        { "ik word gepest", "ik-word-gepest-jongeren" },
        { "mag ik zelf iets zeggen over mijn plan", "mag-ik-meepraten-over-mijn-plan" },
        { "ik krijg geen extra tijd bij toetsen", "extra-tijd-bij-toetsen-jongeren" },
        { "ik moet naar een speciale school", "naar-een-speciale-school-jongeren" },
        { "mag ik jullie zelf bellen zonder mijn ouders", "steunpunt-voor-jongeren" },
        { "wat zijn mijn rechten", "mijn-rechten-op-school-jongeren" },
        // Other parents' wording
        { "overstap middelbare school", "overstap-naar-de-middelbare-school" },
        { "mbo extra hulp", "van-vo-naar-mbo" },
        { "klacht indienen tegen school", "verschil-klacht-en-geschil" },
        // Everyday words and old terms people use (the national list of everyday words)
        { "rugzakje", "bestaat-het-rugzakje-nog" },
        { "pgb", "pgb-en-zorg-tijdens-schooltijd" },
        { "lwoo", "lwoo-hoe-wordt-dat-bepaald" },
        { "taxi naar school", "leerlingenvervoer-aanvragen" },
        { "time-out", "time-out-en-afzonderen-op-school" },
        { "handelingsverlegen", "school-kan-mijn-kind-niet-meer-helpen" },
        { "spijbelen", "spijbelen-wat-gebeurt-er" },
        { "zorgleerling", "hoe-krijgt-mijn-kind-extra-hulp" },
        { "citotoets", "overstap-naar-de-middelbare-school" },
        { "school stuurt mijn kind steeds naar huis", "school-stuurt-kind-naar-huis-zonder-schorsing" },
        { "school wil geen tlv aanvragen", "school-vraagt-geen-tlv-aan" },
        { "praktijkonderwijs", "naar-het-praktijkonderwijs" },
        { "dyscalculie", "dyscalculie-op-school" },
        { "wat moet in de schoolgids staan", "wat-moet-school-mij-vertellen" },
        { "therapie onder schooltijd", "therapie-onder-schooltijd" },
        // More youth phrasing
        { "ik ben geschorst", "ik-ben-geschorst-wat-nu" },
        { "ik voel me somber", "ik-voel-me-niet-goed-met-wie-praten" },
        { "vertelt school alles aan mijn ouders", "wat-vertelt-school-aan-mijn-ouders" },
        { "ik wil naar het mbo", "naar-het-mbo-jongeren" },
        { "ik word online gepest", "online-gepest-jongeren" },
        { "ik ben 16 mag ik stoppen met school", "ik-ben-16-mag-ik-stoppen-met-school" },
        { "ik ben het niet eens met mijn schooladvies", "niet-eens-met-mijn-schooladvies" },
    };

    [Theory, MemberData(nameof(Queries))]
    public async Task The_expected_answer_is_in_the_top_3(string query, string expected)
    {
        var app = await apps.ForAsync(Databases.Sqlite);
        var top = await TopAsync(app, "/zoeken?q=" + Uri.EscapeDataString(query));
        Assert.True(top.Take(3).Contains(expected), $"'{query}' gave: {string.Join(", ", top.Take(5))}");
    }

    [Fact]
    public async Task Both_database_providers_rank_every_query_the_same()
    {
        var sqlite = await apps.ForAsync(Databases.Sqlite);
        var postgres = await apps.ForAsync(Databases.Postgres);
        foreach (var row in Queries)
        {
            var url = "/zoeken?q=" + Uri.EscapeDataString((string)row.Data.Item1);
            Assert.Equal(await TopAsync(sqlite, url), await TopAsync(postgres, url));
        }
    }

    private static async Task<IReadOnlyList<string>> TopAsync(SteunpuntApp app, string url)
    {
        var html = await app.Anonymous().GetStringAsync(url);
        return ResultLinks().Matches(Html.MainOf(html)).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("<li>\\s*<a href=\"[^\"]*/informatie/([^\"]+)\"")]
    private static partial Regex ResultLinks();
}
