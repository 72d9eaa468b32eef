namespace Steunpunt.Information;

/// <summary>One source of an answer: shown under it as "Bron".</summary>
public sealed record Source(string Title, Uri Url);

/// <summary>
/// The sources of an FAQ item as editors type them: one per line, "title | https://…" (a bare link is its own title).
/// </summary>
public static class SourceList
{
    public const int MaxLines = 10;

    public static IReadOnlyList<Source> Parse(string? text) => TryParse(text, out var sources, out _) ? sources : [];

    /// <summary>Reads the lines; on a line that is not a title with a web link, says which line in plain Dutch.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<Source> sources, out string? error)
    {
        var list = new List<Source>();
        sources = list;
        error = null;
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            var bar = line.LastIndexOf('|');
            var title = bar < 0 ? "" : line[..bar].Trim();
            var address = bar < 0 ? line : line[(bar + 1)..].Trim();
            if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || string.IsNullOrEmpty(url.Host))
            {
                error = $"Regel {number} van de bronnen heeft geen goede link. Schrijf: titel | https://...";
                return false;
            }
            list.Add(new Source(title.Length == 0 ? url.Host : title, url));
        }
        if (list.Count > MaxLines)
        {
            error = $"Geef hoogstens {MaxLines} bronnen.";
            return false;
        }
        return true;
    }

    public static string Format(IEnumerable<Source> sources) =>
        string.Join('\n', sources.Select(s => $"{s.Title} | {s.Url}"));
}
