using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Steunpunt.Questions;

/// <summary>A staff message as the person reads it: plain text, with the web addresses staff put in (such as a link to
/// an answer on the site) made into links. Everything else is encoded; the person's own messages are never linked.</summary>
public static partial class MessageText
{
    public static IHtmlContent Linked(string text)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match m in Address().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')');
            html.Append(WebUtility.HtmlEncode(text[at..m.Index]));
            html.Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(url)).Append("</a>");
            at = m.Index + url.Length;
        }
        html.Append(WebUtility.HtmlEncode(text[at..]));
        return new HtmlString(html.ToString());
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
