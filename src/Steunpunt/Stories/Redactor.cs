using System.Text.RegularExpressions;

namespace Steunpunt.Stories;

/// <summary>
/// Proposes redactions of personal details in a story: e-mail addresses, phone numbers, postcodes, dates, the
/// names of schools and organisations the steunpunt knows (sociale kaart, schools), and person names (a capital
/// word after words like "juf", "meester", "mijn zoon", or any capitalised word inside a sentence that is not a
/// known word). Staff always review the proposal; it errs on the side of hiding.
/// </summary>
public static partial class Redactor
{
    public sealed record Finding(string Kind, string Text);

    public sealed record Proposal(string Text, IReadOnlyList<Finding> Findings);

    /// <summary>Capitalised words that are not names: sentence words people capitalise, and the field's jargon.</summary>
    private static readonly HashSet<string> s_notNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ik", "Wij", "We", "Hij", "Zij", "Ze", "Het", "De", "Een", "En", "Maar", "Toen", "Daarna", "Nu", "Dat", "Die", "Dit", "Er",
        "Hoe", "Wat", "Waarom", "Wie", "Ook", "Want", "Omdat", "Als", "Na", "In", "Op", "Met", "Bij", "Van", "Voor", "Later",
        "School", "Juf", "Meester", "Mevrouw", "Meneer", "Mijn", "Onze", "Ons",
        "TLV", "OPP", "SWV", "IB", "IB'er", "Intern", "Begeleider", "Leerplicht", "Leerplichtambtenaar", "Wijkteam", "CJG", "GGD",
        "Passend", "Onderwijs", "Samenwerkingsverband", "Steunpunt", "ADHD", "ADD", "ASS", "PDD-NOS", "Autisme", "Dyslexie",
        "Nederland", "Nederlands", "Kerst", "Kerstvakantie", "Zomervakantie", "Herfstvakantie", "Meivakantie", "Voorjaarsvakantie",
        "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "Corona", "God", "Dank",
    };

    public static Proposal Propose(string text, IEnumerable<string> knownSchools, IEnumerable<string> knownOrganisations)
    {
        var findings = new List<Finding>();
        var result = text;

        string Replace(string input, Regex pattern, string kind, string label) => pattern.Replace(input, m =>
        {
            findings.Add(new Finding(kind, m.Value));
            return label;
        });

        result = Replace(result, EmailPattern(), "e-mailadres", "[e-mailadres]");
        result = Replace(result, PhonePattern(), "telefoonnummer", "[telefoonnummer]");
        result = Replace(result, PostcodePattern(), "postcode", "[postcode]");
        result = Replace(result, NumericDatePattern(), "datum", "[datum]");
        result = Replace(result, WrittenDatePattern(), "datum", "[datum]");
        foreach (var (names, kind) in new[] { (knownSchools, "school"), (knownOrganisations, "organisatie") })
        {
            foreach (var name in names.Where(n => n.Trim().Length >= 3).OrderByDescending(n => n.Length))
            {
                var pattern = new Regex($@"(?<!\w){Regex.Escape(name.Trim())}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                result = Replace(result, pattern, kind, $"[{kind}]");
            }
        }
        result = CuedNamePattern().Replace(result, m =>
        {
            if (s_notNames.Contains(m.Groups["name"].Value))
            {
                return m.Value;
            }
            findings.Add(new Finding("naam", m.Groups["name"].Value));
            return m.Groups["cue"].Value + "[naam]";
        });
        result = CapitalisedWordPattern().Replace(result, m =>
        {
            var word = m.Groups["word"].Value;
            if (s_notNames.Contains(word) || word.All(c => char.IsUpper(c) || !char.IsLetter(c)))
            {
                return m.Value;
            }
            findings.Add(new Finding("naam", word));
            return m.Groups["before"].Value + "[naam]";
        });
        return new Proposal(result, findings);
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailPattern();

    // Dutch numbers: 06-12345678, 0612345678, 010 123 45 67, +31 6 1234 5678, 0031612345678.
    [GeneratedRegex(@"(?<!\w)(\+31|0031|0)[\s-]?(\(0\))?[\s-]?\d([\s-]?\d){7,9}(?!\w)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<!\w)[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?!\w)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"(?<!\w)\d{1,2}[-/.]\d{1,2}[-/.](\d{4}|\d{2})(?!\w)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"(?<!\w)\d{1,2}\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(\s+\d{4})?(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WrittenDatePattern();

    [GeneratedRegex(@"(?<cue>\b(?i:juf|juffrouw|meester|mevrouw|meneer|mr\.|mw\.|dhr\.|zoon|dochter|broer|zus|kind|vriend|vriendin|leerkracht|mentor|docent|heet|genaamd)\s+)(?<name>\p{Lu}[\p{L}'-]+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CuedNamePattern();

    // A capitalised word that does not start a sentence (something other than . ! ? : or a line start before it).
    [GeneratedRegex(@"(?<before>[\p{Ll},;)\d]\s+)(?<word>\p{Lu}[\p{L}'-]+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CapitalisedWordPattern();
}
