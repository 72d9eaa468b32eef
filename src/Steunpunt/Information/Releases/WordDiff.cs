using System.Net;
using System.Text;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Html;

namespace Steunpunt.Information.Releases;

/// <summary>Which words of the national text a release took out and put in, as HTML: &lt;del&gt; and &lt;ins&gt;
/// (read out by screen readers through their visually hidden labels, and shown struck through and underlined).</summary>
public static class WordDiff
{
    public sealed record Piece(ChangeType Type, string Text);

    public static IReadOnlyList<Piece> Pieces(string before, string after)
    {
        var model = InlineDiffBuilder.Instance.BuildDiffModel(before, after, ignoreWhitespace: false, ignoreCase: false, new WordChunker());
        var pieces = new List<Piece>();
        foreach (var line in model.Lines.Where(l => l.Type != ChangeType.Imaginary))
        {
            var type = line.Type == ChangeType.Modified ? ChangeType.Inserted : line.Type;
            if (pieces.Count > 0 && pieces[^1].Type == type)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + line.Text };
            }
            else
            {
                pieces.Add(new Piece(type, line.Text ?? ""));
            }
        }
        return pieces;
    }

    public static IHtmlContent Html(string before, string after)
    {
        var html = new StringBuilder("<p class=\"word-diff\">");
        foreach (var piece in Pieces(before, after))
        {
            var text = WebUtility.HtmlEncode(piece.Text).Replace("\n\n", "<br><br>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
            html.Append(piece.Type switch
            {
                ChangeType.Deleted => $"<del><span class=\"visually-hidden\">[weg:] </span>{text}</del>",
                ChangeType.Inserted => $"<ins><span class=\"visually-hidden\">[nieuw:] </span>{text}</ins>",
                _ => text,
            });
        }
        return new HtmlString(html.Append("</p>").ToString());
    }
}
