using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Steunpunt.Signals.Reports;

/// <summary>A horizontal bar chart as inline SVG (drawn here, no script, no library), always shown next to a table
/// with the same figures. Hidden counts get no bar, only their "&lt;5" or "x".</summary>
public static class ReportChart
{
    public static IHtmlContent Bars(string id, string title, IReadOnlyList<PublishedReport.Row> rows)
    {
        var max = Math.Max(1, rows.Where(r => r.Now.Value is > 0).Select(r => r.Now.Value!.Value).DefaultIfEmpty(1).Max());
        var height = (rows.Count * 28) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 420 {height}\" width=\"420\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}\">{WebUtility.HtmlEncode($"Staafdiagram {title}: dezelfde aantallen als in de tabel ernaast")}</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = (i * 28) + 4;
            var label = row.Label.Length > 24 ? row.Label[..23] + "…" : row.Label;
            var width = row.Now.Value is { } v && v > 0 ? Math.Max(2, (int)(200.0 * v / max)) : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 17}\" class=\"chart-label\">{WebUtility.HtmlEncode(label)}</text>");
            if (width > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"170\" y=\"{y}\" width=\"{width}\" height=\"22\" class=\"chart-bar\"></rect>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{176 + width}\" y=\"{y + 17}\" class=\"chart-value\">{WebUtility.HtmlEncode(row.Now.Text)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
