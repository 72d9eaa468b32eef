namespace Steunpunt.Information;

/// <summary>
/// An editor's choice, for one page, of which glossary term a word means: "leerplicht = leerplichtambtenaar" where the
/// text means the office, or "verwijderd = -" where the word is ordinary Dutch and needs no explanation. One per line.
/// </summary>
public static class TermChoices
{
    /// <summary>The word (folded to lower case) and the term's slug, or null for "do not explain".</summary>
    public static IReadOnlyDictionary<string, string?> Parse(string? text) =>
        TryParse(text, null, out var choices, out _) ? choices : new Dictionary<string, string?>();

    /// <summary>
    /// Reads the lines. With <paramref name="glossary"/>, a term may be named by its slug, word or abbreviation and
    /// must exist; the result then holds its slug.
    /// </summary>
    public static bool TryParse(string? text, IReadOnlyList<GlossaryTerm>? glossary, out IReadOnlyDictionary<string, string?> choices, out string? error)
    {
        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        choices = map;
        error = null;
        var number = 0;
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.TrimEntries))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            var equals = line.IndexOf('=');
            var word = equals < 0 ? "" : string.Join(' ', line[..equals].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var target = equals < 0 ? "" : line[(equals + 1)..].Trim();
            if (word.Length < 2 || target.Length == 0)
            {
                error = $"Regel {number} van de woordkeuzes is niet duidelijk. Schrijf: woord = begrip, of woord = - om niets uit te leggen.";
                return false;
            }
            if (target == "-")
            {
                map[word] = null;
                continue;
            }
            if (glossary is null)
            {
                map[word] = target;
                continue;
            }
            var term = glossary.FirstOrDefault(t => string.Equals(t.Slug, target, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t.Term, target, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t.Abbreviation, target, StringComparison.Ordinal));
            if (term is null)
            {
                error = $"Regel {number} van de woordkeuzes: het begrip \"{target}\" staat niet in de begrippenlijst.";
                return false;
            }
            map[word] = term.Slug;
        }
        return true;
    }
}
