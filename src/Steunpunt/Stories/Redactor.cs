using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Steunpunt.Privacy;

namespace Steunpunt.Stories;

/// <summary>
/// Proposes redactions of personal details in a story told in several answers: e-mail addresses, phone numbers,
/// postcodes, dates, the schools and organisations the steunpunt knows, and person names. A name is found after a
/// cue ("juf", "mijn zoon", "heet") or as a capitalised word inside a sentence that is not a known word, role or
/// place; once found, every occurrence of it in every answer is proposed, sentence starts included. Staff always
/// review the proposal; it errs on the side of hiding.
/// </summary>
public static partial class Redactor
{
    /// <summary>What a hidden detail was; its Dutch name is what the placeholder in the text says ("[naam]").</summary>
    public enum Kind { EmailAdres, Telefoonnummer, Postcode, Datum, School, Organisatie, Naam }

    public sealed record Finding(Kind Kind, string Text)
    {
        public string Label => Name(Kind);
    }

    /// <summary>The Dutch name of a kind, as staff read it and as the placeholder in the text shows it.</summary>
    public static string Name(Kind kind) => kind switch
    {
        Kind.EmailAdres => "e-mailadres",
        Kind.Telefoonnummer => "telefoonnummer",
        Kind.Postcode => "postcode",
        Kind.Datum => "datum",
        Kind.School => "school",
        Kind.Organisatie => "organisatie",
        _ => "naam",
    };

    public sealed record Proposal(IReadOnlyList<string> Parts, IReadOnlyList<Finding> Findings)
    {
        public string Text => string.Join("\n\n", Parts.Where(p => p.Length > 0));
    }

    /// <summary>What the steunpunt knows by name: schools and organisations to hide, places that are not names.</summary>
    public sealed record Known(IEnumerable<string> Schools, IEnumerable<string> Organisations, IEnumerable<string> Places)
    {
        public static readonly Known Nothing = new([], [], []);
    }

    /// <summary>Capitalised words that are not names: words people capitalise, the field's jargon and its roles.
    /// Compared folded, without hyphens or apostrophes ("IB-er", "IB'er" and "iber" are one word).</summary>
    private static readonly HashSet<string> s_notNames = new(StringComparer.Ordinal)
    {
        "ik", "wij", "we", "hij", "zij", "ze", "het", "de", "een", "en", "maar", "toen", "daarna", "nu", "dat", "die", "dit", "er",
        "hoe", "wat", "waarom", "wie", "ook", "want", "omdat", "als", "na", "in", "op", "met", "bij", "van", "voor", "later", "u", "jij", "je",
        "mijn", "onze", "ons", "zijn", "haar", "hun", "dank", "god", "corona",
        // Roles and places in and around school: who someone is, not their name.
        "juf", "juffrouw", "meester", "mevrouw", "meneer", "mentor", "mentrix", "docent", "docente", "leerkracht", "leraar", "lerares",
        "directeur", "directrice", "conrector", "rector", "teamleider", "afdelingsleider", "locatieleider", "coordinator", "zorgcoordinator",
        "ib", "iber", "ibber", "intern", "internbegeleider", "begeleider", "ambulant", "ambulantbegeleider", "trajectbegeleider",
        "orthopedagoog", "psycholoog", "logopedist", "fysiotherapeut", "ergotherapeut", "remedialteacher", "rt", "rter",
        "conciërge", "concierge", "schoolmaatschappelijkwerker", "smw", "smwer", "maatschappelijk", "werker", "jeugdarts", "schoolarts",
        "huisarts", "kinderarts", "jeugdverpleegkundige", "jeugdconsulent", "onderwijsconsulent", "onderwijsconsulenten", "consulent",
        "leerplicht", "leerplichtambtenaar", "leerplichtambtenaren", "wijkteam", "cjg", "ggd", "jeugdzorg", "jeugdhulp", "gemeente",
        "samenwerkingsverband", "swv", "steunpunt", "school", "scholen", "bestuur", "klas", "groep", "zorgteam", "commissie",
        "tlv", "opp", "sop", "pab", "pgb", "vso", "so", "sbo", "pro", "vo", "po", "mbo", "havo", "vwo", "vmbo", "mavo", "ivo",
        "passend", "onderwijs", "adhd", "add", "ass", "pddnos", "autisme", "dyslexie", "dyscalculie", "odd", "gilles", "tourette",
        "nederland", "nederlands", "engels", "kerst", "pasen", "pinksteren", "kerstvakantie", "zomervakantie", "herfstvakantie",
        "meivakantie", "voorjaarsvakantie", "krokusvakantie", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
    };

    public static Proposal Propose(IReadOnlyList<string> parts, Known known)
    {
        var findings = new List<Finding>();
        var result = parts.ToArray();

        void Replace(Regex pattern, Kind kind)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = pattern.Replace(result[i], m =>
                {
                    findings.Add(new Finding(kind, m.Value));
                    return $"[{Name(kind)}]";
                });
            }
        }

        Replace(PersonalDetails.Email(), Kind.EmailAdres);
        Replace(PersonalDetails.Phone(), Kind.Telefoonnummer);
        Replace(PersonalDetails.Postcode(), Kind.Postcode);
        Replace(PersonalDetails.NumericDate(), Kind.Datum);
        Replace(PersonalDetails.WrittenDate(), Kind.Datum);
        foreach (var (list, kind) in new[] { (known.Schools, Kind.School), (known.Organisations, Kind.Organisatie) })
        {
            foreach (var name in list.Select(n => n.Trim()).Where(n => n.Length >= 3).Distinct().OrderByDescending(n => n.Length))
            {
                Replace(WholeWord(name), kind);
            }
        }

        // Names: first find them anywhere, then take out every occurrence in every answer.
        var places = known.Places.SelectMany(p => p.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)).Select(Fold).ToHashSet(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var part in result)
        {
            foreach (Match m in CuedName().Matches(part))
            {
                AddName(m.Groups["name"].Value);
            }
            foreach (Match m in CapitalisedWord().Matches(part))
            {
                var word = m.Groups["word"].Value;
                if (!word.All(c => char.IsUpper(c) || !char.IsLetter(c)))
                {
                    AddName(word);
                }
            }
        }
        foreach (var name in names.OrderByDescending(n => n.Length))
        {
            var pattern = WholeWord(name);
            var found = false;
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = pattern.Replace(result[i], _ =>
                {
                    found = true;
                    return $"[{Name(Kind.Naam)}]";
                });
            }
            if (found)
            {
                findings.Add(new Finding(Kind.Naam, name));
            }
        }
        return new Proposal(result, findings);

        void AddName(string word)
        {
            var folded = Fold(word);
            if (!s_notNames.Contains(folded) && !places.Contains(folded) && !names.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(word);
            }
        }
    }

    /// <summary>Details the proposal would still take out of a text a reviewer approved (placeholders excepted).</summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<string> parts, Known known) =>
        [.. Propose(parts, known).Findings.Where(f => !Placeholder().IsMatch(f.Text))];

    private static Regex WholeWord(string text) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(text)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Lower case, no diacritics, no hyphens or apostrophes.</summary>
    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is not ('-' or '\'' or '’'))]);
    }

    [GeneratedRegex(@"(?<cue>\b(?i:juf|juffrouw|meester|mevrouw|meneer|mr\.|mw\.|dhr\.|zoon|dochter|broer|zus|kind|vriend|vriendin|leerkracht|mentor|docent|heet|genaamd)\s+)(?<name>\p{Lu}[\p{L}'’-]+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CuedName();

    // A capitalised word that does not start a sentence (something other than . ! ? : or a line start before it).
    [GeneratedRegex(@"(?<before>[\p{Ll},;)\d]\s+)(?<word>\p{Lu}[\p{L}'’-]+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"^\[[a-z-]+\]$")]
    private static partial Regex Placeholder();
}
