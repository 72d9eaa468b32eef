using System.Net;
using System.Text.RegularExpressions;

namespace Steunpunt.Tests.Infrastructure;

public static partial class Html
{
    /// <summary>The text inside &lt;main&gt;, so tests don't match the layout's navigation.</summary>
    public static string MainOf(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The page has no <main> element.");
        return html[start..end];
    }

    public static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    public static int Count(string html, string needle) =>
        Regex.Count(html, Regex.Escape(needle));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
