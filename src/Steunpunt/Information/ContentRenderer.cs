using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Steunpunt.Information;

/// <summary>
/// Turns editors' Markdown into safe HTML: raw HTML is not allowed in the Markdown, and the result goes through
/// an HTML sanitiser as well, so content can never carry script.
/// </summary>
public sealed class ContentRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UsePipeTables()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();
    private readonly HtmlParser _parser = new();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "http", "mailto", "tel"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        return sanitizer;
    }

    public IHtmlContent Render(string? markdown, GlossaryAnnotator? glossary = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        var html = _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
        if (glossary is not null)
        {
            html = glossary.Annotate(html, _parser);
        }
        return new HtmlString(html);
    }

    /// <summary>Plain text shown as a paragraph, with glossary explanations added.</summary>
    public IHtmlContent RenderPlain(string? text, GlossaryAnnotator? glossary = null)
    {
        var html = $"<p>{WebUtility.HtmlEncode(text ?? "")}</p>";
        return new HtmlString(glossary is null ? html : glossary.Annotate(html, _parser));
    }
}

/// <summary>
/// Explains the first use of each glossary term on one page in place: the word links to its entry in the
/// begrippenlijst and a short explanation follows in the text itself (not hover-only), so it works for keyboard,
/// screen reader, print and phone alike. One instance per page, so "first" spans every section of the page.
/// </summary>
public sealed class GlossaryAnnotator
{
    private readonly Dictionary<string, GlossaryTerm> _byForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GlossaryTerm> _byFormFolded = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<Guid> _explained = [];
    private readonly Func<GlossaryTerm, string> _link;
    private readonly int _longestForm;

    public GlossaryAnnotator(IEnumerable<GlossaryTerm> terms, Func<GlossaryTerm, string> link, Guid? skipTerm = null)
    {
        _link = link;
        foreach (var term in terms.Where(t => t.Id != skipTerm))
        {
            foreach (var (form, caseSensitive) in term.SurfaceForms())
            {
                var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (form.Length < 2)
                {
                    continue;
                }
                var key = string.Join(' ', words);
                (caseSensitive ? _byForm : _byFormFolded).TryAdd(key, term);
                _longestForm = Math.Max(_longestForm, words.Length);
            }
        }
    }

    /// <summary>Terms explained on this page so far.</summary>
    public IReadOnlyCollection<Guid> Explained => _explained;

    private GlossaryTerm? Find(string words) =>
        _byForm.TryGetValue(words, out var exact) ? exact
        : _byFormFolded.TryGetValue(words, out var folded) ? folded
        : null;

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-';

    /// <summary>Word spans of a text; matching runs over these in linear time, so no input can make it slow.</summary>
    private static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }
            var end = i;
            while (end > start && text[end - 1] is '\'' or '’')
            {
                end--;
            }
            if (end > start)
            {
                words.Add((start, end));
            }
        }
        return words;
    }

    /// <summary>The longest glossary form starting at each word, left to right, without overlaps.</summary>
    private IEnumerable<(int Start, int End, GlossaryTerm Term)> Matches(string text)
    {
        var words = Words(text);
        var w = 0;
        while (w < words.Count)
        {
            (int Start, int End, GlossaryTerm Term)? found = null;
            var consumed = 1;
            var phrase = new StringBuilder();
            for (var n = 0; n < _longestForm && w + n < words.Count; n++)
            {
                var (start, end) = words[w + n];
                if (n > 0)
                {
                    // Only white space may stand between the words of one term.
                    var previousEnd = words[w + n - 1].End;
                    var gap = text.AsSpan(previousEnd, start - previousEnd);
                    if (gap.Length == 0 || !gap.IsWhiteSpace())
                    {
                        break;
                    }
                    phrase.Append(' ');
                }
                phrase.Append(text, start, end - start);
                if (Find(phrase.ToString()) is { } term)
                {
                    (found, consumed) = ((words[w].Start, end, term), n + 1);
                }
            }
            if (found is { } match)
            {
                yield return match;
                w += consumed;
            }
            else
            {
                w++;
            }
        }
    }

    internal string Annotate(string html, HtmlParser parser)
    {
        if (_longestForm == 0)
        {
            return html;
        }
        var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        var changed = false;
        foreach (var text in TextNodes(body).ToList())
        {
            changed |= AnnotateText(text, document);
        }
        return changed ? body.InnerHtml : html;
    }

    private static IEnumerable<IText> TextNodes(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                yield return text;
            }
            else if (child is IElement element && element.LocalName is not ("a" or "code" or "pre" or "h1" or "h2" or "h3" or "h4"))
            {
                foreach (var inner in TextNodes(element))
                {
                    yield return inner;
                }
            }
        }
    }

    private bool AnnotateText(IText text, IDocument document)
    {
        var value = text.Data;
        var output = new List<INode>();
        var last = 0;
        foreach (var (start, end, term) in Matches(value))
        {
            if (!_explained.Add(term.Id))
            {
                continue;
            }
            if (start > last)
            {
                output.Add(document.CreateTextNode(value[last..start]));
            }
            output.Add(CreateExplanation(document, value[start..end], term));
            last = end;
        }
        if (output.Count == 0)
        {
            return false;
        }
        if (last < value.Length)
        {
            output.Add(document.CreateTextNode(value[last..]));
        }
        var parent = text.Parent!;
        foreach (var node in output)
        {
            parent.InsertBefore(node, text);
        }
        parent.RemoveChild(text);
        return true;
    }

    private IElement CreateExplanation(IDocument document, string word, GlossaryTerm term)
    {
        var wrapper = document.CreateElement("span");
        wrapper.ClassName = "begrip";
        var link = document.CreateElement("a");
        link.SetAttribute("href", _link(term));
        link.TextContent = word;
        var note = document.CreateElement("span");
        note.ClassName = "begrip-uitleg";
        var explanation = new StringBuilder(" (");
        if (!string.Equals(word, term.Term, StringComparison.OrdinalIgnoreCase) && term.Abbreviation == word)
        {
            explanation.Append(term.Term.ToLowerInvariant()).Append(": ");
        }
        var definition = term.Definition.TrimEnd('.');
        // "(toelaatbaarheidsverklaring: een besluit …)" reads on in the sentence; keep "OPP…" as written.
        if (definition.Length > 1 && char.IsUpper(definition[0]) && !char.IsUpper(definition[1]))
        {
            definition = char.ToLowerInvariant(definition[0]) + definition[1..];
        }
        explanation.Append(definition).Append(')');
        note.TextContent = explanation.ToString();
        wrapper.AppendChild(link);
        wrapper.AppendChild(note);
        return wrapper;
    }
}
