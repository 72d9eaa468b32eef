using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Steunpunt.Information.Editing;

/// <summary>
/// Advice on a text while an editor writes it: the Flesch-Douma score, long sentences, passive constructions,
/// nominalisations ("de beoordeling van"), words that are neither common Dutch nor in the glossary, and the wrong
/// form of address for the page's readers. Pure: the same text gives the same advice. Advice only; nothing is refused.
/// </summary>
/// <remarks>
/// Flesch-Douma (Douma 1960, the Dutch Flesch): 206.835 − 0.93 × (words / sentences) − 77 × (syllables / words).
/// Words are runs of letters (with ' and -); numbers are not words. A sentence ends at . ! ? followed by a space and a
/// capital, digit or quote (not after a short abbreviation such as "bijv."), at a blank line, and at the end of a
/// heading or list item. Syllables are counted as Dutch vowel groups: each of the units "aai ooi oei eeu ieu", then
/// "aa ee oo uu ie oe ou au eu ei ui ij", then one of a e i o u y counts once; a vowel with a trema (ë, ï, ü, ö, ä)
/// starts a new syllable (ge-ëf-fec-tu-eerd); a word without a vowel is read letter by letter (TLV: te-el-vee, 3);
/// every word has at least one syllable. This is a count, not hyphenation: "beamen" comes out right (3), an
/// English loan such as "site" one too many.
/// </remarks>
public static partial class Readability
{
    /// <summary>Below this the score swings too much on one sentence to mean anything.</summary>
    public const int MinimumWords = 50;
    public const int MinimumSentences = 3;
    public const int LongSentence = 20;

    public static ReadabilityReport Analyse(string? text, Audience? audience, IReadOnlyCollection<GlossaryTerm> glossary)
    {
        var sentences = Sentences(text ?? "");
        var words = sentences.SelectMany(s => s.Words).ToList();
        var syllables = words.Sum(w => Syllables(w));
        double? score = null;
        if (words.Count >= MinimumWords && sentences.Count >= MinimumSentences)
        {
            score = Score(words.Count, sentences.Count, syllables);
        }
        var explained = ExplainedForms(glossary);
        return new ReadabilityReport(
            words.Count, sentences.Count, syllables, score,
            [.. sentences.Where(s => s.Words.Count > LongSentence).Select(s => new LongSentenceFound(s.Text, s.Words.Count))],
            [.. sentences.Select(s => (s, Passive(s.Words))).Where(p => p.Item2 is not null).Select(p => new PassiveFound(p.s.Text, p.Item2!))],
            Nominalisations(sentences),
            Unknown(sentences, explained),
            audience is { } a ? WrongAddress(words, a) : [],
            audience);
    }

    public static double Score(int words, int sentences, int syllables) =>
        206.835 - (0.93 * words / sentences) - (77.0 * syllables / words);

    /// <summary>The level of a score in plain Dutch, on Douma's scale.</summary>
    public static string Level(double score) => score switch
    {
        >= 90 => "zeer makkelijk",
        >= 80 => "makkelijk",
        >= 70 => "vrij makkelijk",
        >= 60 => "gemiddeld",
        >= 50 => "vrij moeilijk",
        >= 30 => "moeilijk",
        _ => "zeer moeilijk",
    };

    /// <summary>A rough guide to B1 (what most adults read easily): a Flesch-Douma score of 60 or more.</summary>
    public static string B1(double score) => score switch
    {
        >= 60 => "Dat is ongeveer taalniveau B1 of makkelijker.",
        >= 50 => "Dat is iets moeilijker dan taalniveau B1.",
        _ => "Dat is moeilijker dan taalniveau B1.",
    };

    public static int Syllables(string word)
    {
        var w = word.ToLower(CultureInfo.GetCultureInfo("nl-NL"));
        var count = 0;
        var i = 0;
        while (i < w.Length)
        {
            if (IsTrema(w[i]))
            {
                count++;
                i++;
                continue;
            }
            if (!IsVowel(w[i]))
            {
                i++;
                continue;
            }
            var length = s_units.FirstOrDefault(u => string.CompareOrdinal(w, i, u, 0, u.Length) == 0)?.Length ?? 1;
            count++;
            i += length;
        }
        if (count == 0)
        {
            return Math.Max(1, w.Count(char.IsLetter));
        }
        return count;
    }

    // Longest first: a unit is one sound, one syllable.
    private static readonly string[] s_units =
        ["aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe", "ou", "au", "eu", "ei", "ui", "ij"];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'à' or 'è' or 'ê' or 'â' or 'ô' or 'û' or 'î';

    private static bool IsTrema(char c) => c is 'ë' or 'ï' or 'ü' or 'ö' or 'ä';

    /// <summary>One sentence: its text as written (without Markdown) and its words.</summary>
    public sealed record Sentence(string Text, IReadOnlyList<string> Words);

    public static IReadOnlyList<Sentence> Sentences(string markdown)
    {
        var result = new List<Sentence>();
        foreach (var block in Blocks(markdown))
        {
            var start = 0;
            foreach (Match end in SentenceEnd().Matches(block))
            {
                var before = block[start..end.Index];
                if (Abbreviation().IsMatch(before))
                {
                    continue;
                }
                Add(block[start..(end.Index + end.Length)]);
                start = end.Index + end.Length;
            }
            Add(block[start..]);
        }
        return result;

        void Add(string text)
        {
            text = text.Trim();
            var words = WordPattern().Matches(text).Select(m => m.Value.Trim('\'', '’', '-')).Where(w => w.Length > 0).ToList();
            if (words.Count > 0)
            {
                result.Add(new Sentence(text, words));
            }
        }
    }

    // Headings, list items and paragraphs end a sentence even without a full stop; Markdown marks and links go.
    private static IEnumerable<string> Blocks(string markdown)
    {
        var paragraph = new StringBuilder();
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = LinkPattern().Replace(raw, "$1");
            line = UrlPattern().Replace(line, " ");
            line = Emphasis().Replace(line, "");
            var item = BlockStart().Match(line);
            if (item.Success || line.Trim().Length == 0)
            {
                if (paragraph.Length > 0)
                {
                    yield return paragraph.ToString();
                    paragraph.Clear();
                }
                if (item.Success)
                {
                    paragraph.Append(line[item.Length..]);
                }
                continue;
            }
            paragraph.Append(' ').Append(line);
        }
        if (paragraph.Length > 0)
        {
            yield return paragraph.ToString();
        }
    }

    [GeneratedRegex(@"[.!?…]+[""”’)]*(?=\s+[\p{Lu}\d""“‘'(])|[.!?…]+[""”’)]*\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SentenceEnd();

    // "bijv." "o.a." "d.w.z." "nr." "art." "mr." "ca.": a short word or letters with dots just before the full stop.
    [GeneratedRegex(@"(?:^|\s)(?:bijv|bv|o\.a|d\.w\.z|m\.b\.t|i\.p\.v|t\.a\.v|nr|art|mr|dhr|mw|ca|enz|etc|evt|incl|excl|zgn|jl|vs)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlockStart();

    private static readonly HashSet<string> s_worden = ["word", "wordt", "worden", "werd", "werden", "geworden"];
    private static readonly HashSet<string> s_zijn = ["is", "zijn", "was", "waren", "ben", "bent", "geweest"];
    // Participles that go with "zijn" in the active voice ("hij is gegaan"): never a passive.
    private static readonly HashSet<string> s_activeWithZijn =
        ["gegaan", "gekomen", "geweest", "geworden", "gebleven", "gebeurd", "geboren", "gestopt", "gestart", "gevallen", "gegroeid",
         "gelopen", "gereden", "gevlogen", "gestorven", "geslaagd", "gelukt", "verhuisd", "veranderd", "begonnen", "vertrokken", "verdwenen", "ontstaan", "opgegroeid"];

    /// <summary>The words of a passive construction in a sentence ("wordt … ingevuld", "is … besloten door"), or null.</summary>
    private static string? Passive(IReadOnlyList<string> words)
    {
        var lower = words.Select(w => w.ToLowerInvariant()).ToList();
        var auxiliary = lower.FindIndex(s_worden.Contains);
        var withZijn = false;
        if (auxiliary < 0)
        {
            auxiliary = lower.FindIndex(s_zijn.Contains);
            withZijn = true;
        }
        if (auxiliary < 0)
        {
            return null;
        }
        var participle = lower.Where((w, i) => i != auxiliary && w != "geworden" && IsParticiple(w) && !(withZijn && s_activeWithZijn.Contains(w))).FirstOrDefault();
        if (participle is null)
        {
            return null;
        }
        var door = lower.Skip(auxiliary).Contains("door") ? " … door" : "";
        return $"{lower[auxiliary]} … {participle}{door}";
    }

    // Past participles: ge…d/t/en (also after a particle: ingevuld, aangevraagd), or be-/ver-/ont-/her-/er- …d/t.
    private static bool IsParticiple(string w) =>
        w.Length >= 6 && !s_notParticiples.Contains(w) && (Participle().IsMatch(w) || PrefixedParticiple().IsMatch(w));

    private static readonly HashSet<string> s_notParticiples =
        ["bestand", "verband", "verschil", "bericht", "besluit", "beleid", "verhaal", "bedrijf", "behalve", "verzuimt", "erbij", "erdoor", "ervoor", "beneden",
         "verlof", "herfst", "ontwerp", "verkeerd", "ontvangst", "voorbeeld", "gebied", "gebieden", "gezondheid", "geleden", "gedachten",
         "gevolgen", "gewoonten", "geweten", "geheim", "gesprekken"];

    [GeneratedRegex(@"^(aan|af|in|op|uit|mee|door|toe|vast|over|voor|na|terug|bij|weg|los|om)?ge\p{L}{2,}(d|t|en)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Participle();

    [GeneratedRegex(@"^(be|ver|ont|her|er)\p{L}{3,}(d|t)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PrefixedParticiple();

    // Nouns that only look made from a verb ("-ling" is often a person: de leerling, de tweeling).
    private static readonly HashSet<string> s_notNominal =
        ["leerling", "leerlingen", "tweeling", "zuigeling", "vreemdeling", "jongeling", "koning", "woning", "woningen", "gelegenheid", "overheid"];

    /// <summary>"de beoordeling van", "de beschikbaarheid van": a verb or adjective made into a noun, followed by "van".</summary>
    private static IReadOnlyList<WordCount> Nominalisations(IReadOnlyList<Sentence> sentences)
    {
        var found = new List<string>();
        foreach (var s in sentences)
        {
            for (var i = 0; i + 1 < s.Words.Count; i++)
            {
                var w = s.Words[i].ToLowerInvariant();
                if (s.Words[i + 1].Equals("van", StringComparison.OrdinalIgnoreCase) && w.Length >= 7 && !s_notNominal.Contains(w)
                    && (w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("heid", StringComparison.Ordinal)))
                {
                    found.Add(w + " van");
                }
            }
        }
        return Counted(found);
    }

    private static IReadOnlyList<WordCount> Counted(IEnumerable<string> words) =>
        [.. words.GroupBy(w => w, StringComparer.Ordinal).Select(g => new WordCount(g.Key, g.Count()))];

    /// <summary>The forms the glossary explains (terms, abbreviations, aliases), each also word by word.</summary>
    private static HashSet<string> ExplainedForms(IEnumerable<GlossaryTerm> glossary)
    {
        var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in glossary)
        {
            foreach (var (form, _) in term.SurfaceForms())
            {
                forms.Add(form);
                foreach (Match word in WordPattern().Matches(form))
                {
                    forms.Add(word.Value);
                }
            }
        }
        return forms;
    }

    /// <summary>Words that are neither common Dutch (the shipped list, also as plural, inflected or compound form) nor
    /// explained in the glossary. Names (a capital inside a sentence) are left alone; abbreviations are not.</summary>
    private static IReadOnlyList<WordCount> Unknown(IReadOnlyList<Sentence> sentences, HashSet<string> explained)
    {
        var found = new List<string>();
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Words.Count; i++)
            {
                var word = s.Words[i];
                var abbreviation = word.Skip(1).Any(char.IsUpper);
                if (!abbreviation && i > 0 && char.IsUpper(word[0]))
                {
                    continue;
                }
                if (explained.Contains(word) || (!abbreviation && IsCommon(word.ToLowerInvariant())))
                {
                    continue;
                }
                found.Add(abbreviation ? word : word.ToLowerInvariant());
            }
        }
        return Counted(found);
    }

    private static readonly string[] s_endings = ["en", "s", "'s", "e", "t", "d", "er", "ste", "je", "jes", "tje", "tjes", "n"];

    public static bool IsCommon(string word)
    {
        var common = s_commonWords.Value;
        if (word.Length <= 2 || common.Contains(word))
        {
            return true;
        }
        foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Known(part))
            {
                return false;
            }
        }
        return true;

        bool Known(string w) => common.Contains(w) || Inflected(w) || Compound(w);
        bool Inflected(string w) => s_endings.Any(e => w.Length > e.Length + 2 && w.EndsWith(e, StringComparison.Ordinal) && common.Contains(w[..^e.Length]));
        // "schoolgids", "leerlingenvervoer": two common parts, perhaps joined by s or e(n).
        bool Compound(string w)
        {
            // Parts of four letters or more: "ten" + "einde" is not how "teneinde" is read.
            for (var split = 4; split <= w.Length - 4; split++)
            {
                var (left, right) = (w[..split], w[split..]);
                if (!(common.Contains(right) || Inflected(right)))
                {
                    continue;
                }
                if (common.Contains(left) || (left.Length > 4 && (left.EndsWith('s') || left.EndsWith('e')) && common.Contains(left[..^1])))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>common-dutch-words.txt: frequent Dutch words (see the header of that file for its source and licence).</summary>
    private static readonly Lazy<HashSet<string>> s_commonWords = new(() =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("common-dutch-words.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }
        return words;
    });

    private static readonly HashSet<string> s_uWords = ["u", "uw"];
    private static readonly HashSet<string> s_jeWords = ["je", "jij", "jou", "jouw"];

    /// <summary>"u" or "uw" on a youth page, "je", "jij", "jou" or "jouw" on a parents' page.</summary>
    private static IReadOnlyList<WordCount> WrongAddress(IEnumerable<string> words, Audience audience)
    {
        var wrong = audience == Audience.Jongeren ? s_uWords : s_jeWords;
        return Counted(words.Select(w => w.ToLowerInvariant()).Where(wrong.Contains));
    }
}

public sealed record WordCount(string Word, int Count);

public sealed record LongSentenceFound(string Text, int Words);

public sealed record PassiveFound(string Sentence, string Words);

/// <summary>What <see cref="Readability.Analyse"/> found; <see cref="Score"/> is null for a text too short to score.</summary>
public sealed record ReadabilityReport(
    int Words, int Sentences, int Syllables, double? Score,
    IReadOnlyList<LongSentenceFound> LongSentences,
    IReadOnlyList<PassiveFound> Passives,
    IReadOnlyList<WordCount> Nominalisations,
    IReadOnlyList<WordCount> UnknownWords,
    IReadOnlyList<WordCount> WrongAddress,
    Audience? Audience)
{
    public bool IsEmpty => Words == 0;
}
