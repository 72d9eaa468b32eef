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

    /// <summary>The words of editors' Markdown without any markup, e.g. for structured data that search engines read.</summary>
    public string PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, _pipeline).Trim();

    /// <summary>Plain text shown as a paragraph, with glossary explanations added.</summary>
    public IHtmlContent RenderPlain(string? text, GlossaryAnnotator? glossary = null)
    {
        var html = $"<p>{WebUtility.HtmlEncode(text ?? "")}</p>";
        return new HtmlString(glossary is null ? html : glossary.Annotate(html, _parser));
    }
}

/// <summary>
/// Explains the first use of each glossary term on one page without breaking the sentence: the word becomes a button
/// that opens a native popover (no JavaScript) with the short definition and a link to the term, and the page ends
/// with "Woorden op deze pagina" (<see cref="Explained"/>), which is also what prints. Never inside headings, links or
/// code, never inside a definition (those are plain text), never the term on its own page. One instance per page, so
/// "first" spans every section of the page; an editor's <see cref="TermChoices"/> say which term a word means there.
/// </summary>
public sealed class GlossaryAnnotator
{
    private readonly Dictionary<string, GlossaryTerm> _byForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GlossaryTerm> _byFormFolded = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, GlossaryTerm> _bySlug = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, GlossaryTerm?> _chosen = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<Guid> _explainedIds = [];
    private readonly List<GlossaryTerm> _explained = [];
    private readonly Func<GlossaryTerm, string> _link;
    private int _longestForm;

    public GlossaryAnnotator(IEnumerable<GlossaryTerm> terms, Func<GlossaryTerm, string> link, Guid? skipTerm = null)
    {
        _link = link;
        foreach (var term in terms.Where(t => t.Id != skipTerm))
        {
            _bySlug.TryAdd(term.Slug, term);
            foreach (var (form, caseSensitive) in term.SurfaceForms())
            {
                if (form.Length < 2)
                {
                    continue;
                }
                var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                (caseSensitive ? _byForm : _byFormFolded).TryAdd(string.Join(' ', words), term);
                _longestForm = Math.Max(_longestForm, words.Length);
            }
        }
    }

    /// <summary>Terms explained on this page so far, in the order they first appear.</summary>
    public IReadOnlyList<GlossaryTerm> Explained => _explained;

    public string LinkTo(GlossaryTerm term) => _link(term);

    /// <summary>The editor's choices for this page: a word means this term, or (no slug) is not explained.</summary>
    public GlossaryAnnotator Choose(IReadOnlyDictionary<string, string?> choices)
    {
        foreach (var (word, slug) in choices)
        {
            var key = string.Join(' ', word.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (slug is null)
            {
                _chosen[key] = null;
            }
            else if (_bySlug.TryGetValue(slug, out var term))
            {
                _chosen[key] = term;
            }
            else
            {
                continue;
            }
            _longestForm = Math.Max(_longestForm, key.Count(c => c == ' ') + 1);
        }
        return this;
    }

    /// <summary>The term a phrase means here; Blocked when the editor said to explain nothing.</summary>
    private (GlossaryTerm? Term, bool Blocked) Find(string words) =>
        _chosen.TryGetValue(words, out var chosen) ? (chosen, chosen is null)
        : _byForm.TryGetValue(words, out var exact) ? (exact, false)
        : _byFormFolded.TryGetValue(words, out var folded) ? (folded, false)
        : (null, false);

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

    /// <summary>
    /// The longest glossary form (or chosen word) starting at each word, left to right, without overlaps. A word the
    /// editor blocked is consumed without a term, so a shorter form inside it is not explained either.
    /// </summary>
    private IEnumerable<(int Start, int End, GlossaryTerm? Term)> Matches(string text)
    {
        var words = Words(text);
        var w = 0;
        while (w < words.Count)
        {
            (int Start, int End, GlossaryTerm? Term)? found = null;
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
                var (term, blocked) = Find(phrase.ToString());
                if (term is not null || blocked)
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

    /// <summary>Whether the text uses the term, matched as on a page (longest form first, the page's choices applied).</summary>
    public bool Mentions(Guid termId, string text) => Matches(text).Any(m => m.Term?.Id == termId);

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
            else if (child is IElement element
                && element.LocalName is not ("a" or "button" or "code" or "pre" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "summary" or "label"))
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
            if (term is null || !_explainedIds.Add(term.Id))
            {
                continue;
            }
            _explained.Add(term);
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

    /// <summary>The id of a term's popover on a page: one per term, because only the first use is explained.</summary>
    public static string PopoverId(GlossaryTerm term) => "uitleg-" + term.Slug;

    private IElement CreateExplanation(IDocument document, string word, GlossaryTerm term)
    {
        var id = PopoverId(term);
        var wrapper = document.CreateElement("span");
        wrapper.ClassName = "begrip";
        var button = document.CreateElement("button");
        button.SetAttribute("type", "button");
        button.SetAttribute("popovertarget", id);
        button.ClassName = "begrip-knop";
        button.TextContent = word;
        var hint = document.CreateElement("span");
        hint.ClassName = "visually-hidden";
        hint.TextContent = " (uitleg)";
        button.AppendChild(hint);

        var note = document.CreateElement("span");
        note.Id = id;
        note.SetAttribute("popover", "auto");
        note.ClassName = "begrip-uitleg";
        var name = document.CreateElement("strong");
        name.TextContent = term.DisplayName;
        note.AppendChild(name);
        var definition = document.CreateElement("span");
        definition.ClassName = "begrip-definitie";
        definition.TextContent = term.Definition;
        note.AppendChild(definition);
        var more = document.CreateElement("a");
        more.SetAttribute("href", _link(term));
        more.TextContent = "Meer over " + (term.Term.Length > 1 && !char.IsUpper(term.Term[1]) ? char.ToLowerInvariant(term.Term[0]) + term.Term[1..] : term.Term);
        note.AppendChild(more);
        var close = document.CreateElement("button");
        close.SetAttribute("type", "button");
        close.SetAttribute("popovertarget", id);
        close.SetAttribute("popovertargetaction", "hide");
        close.ClassName = "begrip-sluiten";
        close.TextContent = "Sluit uitleg";
        note.AppendChild(close);

        wrapper.AppendChild(button);
        wrapper.AppendChild(note);
        return wrapper;
    }
}
