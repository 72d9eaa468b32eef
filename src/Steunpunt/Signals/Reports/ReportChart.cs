using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Steunpunt.Signals.Reports;

/// <summary>A horizontal bar chart, always shown with a table of the same figures. The labels and values are HTML
/// text at the page's font size, so they wrap instead of being cut; only the bar itself is SVG (a rect's width is an
/// attribute, so no inline style is needed under the page's content security policy). No script, no library. Hidden
/// counts get no bar, only their "&lt;5" or "x".</summary>
public static class ReportChart
{
    public static IHtmlContent Bars(string title, IReadOnlyList<PublishedReport.Row> rows)
    {
        var max = Math.Max(1, rows.Where(r => r.Now.Value is > 0).Select(r => r.Now.Value!.Value).DefaultIfEmpty(1).Max());
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"bars\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode($"Staafdiagram {title}: dezelfde aantallen als in de tabel")}\">");
        foreach (var row in rows)
        {
            // At most 80% of the row, so the value beside the longest bar fits.
            var percent = row.Now.Value is { } v && v > 0 ? Math.Max(1, (int)Math.Round(80.0 * v / max)) : 0;
            html.Append("<div class=\"bar-row\">");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"bar-label\">{WebUtility.HtmlEncode(row.Label)}</span>");
            html.Append("<span class=\"bar-track\">");
            if (percent > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<svg class=\"bar\" width=\"{percent}%\" height=\"1.25em\" focusable=\"false\"><rect width=\"100%\" height=\"100%\"></rect></svg>");
            }
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"bar-value\">{WebUtility.HtmlEncode(row.Now.Text)}</span>");
            html.Append("</span></div>");
        }
        html.Append("</figure>");
        return new HtmlString(html.ToString());
    }
}
