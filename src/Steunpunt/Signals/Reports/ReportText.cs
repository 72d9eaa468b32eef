using System.Globalization;
using System.Text;

namespace Steunpunt.Signals.Reports;

/// <summary>
/// Words about a published report: the summary the app suggests to staff before they publish (the main changes, which
/// staff edit), and what changed between two published versions. Both read only the published view, so they never
/// say more than the tables do: a hidden count stays hidden here too.
/// </summary>
public static class ReportText
{
    /// <summary>A first summary for staff to edit: the total against the period before, the biggest rises and falls
    /// where both periods are shown, what is new, and the main signal.</summary>
    public static string SuggestSummary(PublishedReport.Version v)
    {
        if (v.Empty)
        {
            return $"In {v.PeriodLabel} zijn er geen contacten geregistreerd voor {v.SwvName}.";
        }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"In {v.PeriodLabel} had het steunpunt {Count(v.Total)} contacten met ouders, jongeren en professionals van {v.SwvName}");
        text.Append(v.PreviousTotal.Value is 0
            ? $". In {v.PreviousLabel} waren er nog geen contacten, dus er is geen vergelijking."
            : $" ({v.PreviousLabel}: {Count(v.PreviousTotal)}).");
        var changes = v.Dimensions.SelectMany(d => d.Rows.Select(r => (Dimension: d.Title, Row: r)))
            .Where(x => x.Row.Now.Value is { } && x.Row.Before.Value is > 0 && x.Row.Now.Value != x.Row.Before.Value)
            .Select(x => (x.Dimension, x.Row, Delta: x.Row.Now.Value!.Value - x.Row.Before.Value!.Value)).ToList();
        var rises = changes.Where(c => c.Delta > 0).OrderByDescending(c => c.Delta).ThenBy(c => c.Row.Label, StringComparer.Ordinal).Take(2).ToList();
        var falls = changes.Where(c => c.Delta < 0).OrderBy(c => c.Delta).ThenBy(c => c.Row.Label, StringComparer.Ordinal).Take(2).ToList();
        if (rises.Count > 0)
        {
            text.Append("\n\nMeer dan de vorige periode: ").Append(string.Join("; ", rises.Select(Describe))).Append('.');
        }
        if (falls.Count > 0)
        {
            text.Append("\n\nMinder dan de vorige periode: ").Append(string.Join("; ", falls.Select(Describe))).Append('.');
        }
        var fresh = v.Dimensions.Where(d => d.Title == "Thema's").SelectMany(d => d.Rows).Where(r => r.Change == PublishedReport.New)
            .Select(r => r.Label).Take(3).ToList();
        if (fresh.Count > 0)
        {
            text.Append("\n\nNieuw deze periode: ").Append(string.Join(", ", fresh)).Append('.');
        }
        if (v.Signals.Count > 0)
        {
            text.Append("\n\nHet belangrijkste signaal: ").Append(v.Signals[0].Title).Append('.');
        }
        return text.ToString();

        string Count(PublishedReport.Cell c) => c.Hidden ? $"minder dan {v.Threshold}" : c.Text;

        static string Describe((string Dimension, PublishedReport.Row Row, int Delta) c) =>
            $"{c.Row.Label} ({c.Dimension.ToLower(Dutch.Culture)}), van {c.Row.Before.Text} naar {c.Row.Now.Text}";
    }

    /// <summary>What changed from one published version of a period to the next, line by line, as the board reads it.
    /// A count is only shown as "was 20, nu 27" when both are shown and it moved by at least the threshold; any smaller
    /// change, or one that touches a hidden count (a row that comes or goes with a small or hidden count), is only
    /// named, in one line without figures; then the other rows of that part show no figures either. So a version published after one late contact never shows where it
    /// went.</summary>
    public static IReadOnlyList<string> Changes(PublishedReport.Version before, PublishedReport.Version after, int max = 30)
    {
        var threshold = Math.Max(before.Threshold, after.Threshold);
        var lines = new List<string>();
        var small = new List<string>();
        var totalShown = false;
        if (before.Total.Text != after.Total.Text)
        {
            if (Large(before.Total, after.Total, threshold))
            {
                lines.Add($"Contacten in totaal: was {before.Total.Text}, nu {after.Total.Text}.");
                totalShown = true;
            }
            else
            {
                small.Add("Contacten in totaal");
            }
        }
        if (before.Reach?.Now != after.Reach?.Now)
        {
            // Reach is the total over the pupils: it may only show what the total line shows.
            if (totalShown && before.Reach?.Now is not null && after.Reach?.Now is not null)
            {
                lines.Add($"Bereik per 1.000 leerlingen: was {before.Reach.Now}, nu {after.Reach.Now}.");
            }
            else
            {
                small.Add("Bereik per 1.000 leerlingen");
            }
        }
        var oldDimensions = Dimensions(before).ToDictionary(d => d.Title, StringComparer.Ordinal);
        foreach (var d in Dimensions(after))
        {
            var oldRows = oldDimensions.TryGetValue(d.Title, out var od) ? od.Rows.ToDictionary(r => r.Label, StringComparer.Ordinal) : [];
            var hasSmall = false;
            var rowLines = new List<string>();
            foreach (var r in d.Rows)
            {
                if (!oldRows.Remove(r.Label, out var or))
                {
                    if (r.Now.Value is { } n && n >= threshold)
                    {
                        rowLines.Add($"{d.Title}, {r.Label}: nieuw in deze versie ({r.Now.Text}).");
                    }
                    else
                    {
                        hasSmall = true;
                    }
                }
                else if (or.Now.Text != r.Now.Text)
                {
                    if (Large(or.Now, r.Now, threshold))
                    {
                        rowLines.Add($"{d.Title}, {r.Label}: was {or.Now.Text}, nu {r.Now.Text}.");
                    }
                    else
                    {
                        hasSmall = true;
                    }
                }
            }
            foreach (var gone in oldRows.Values)
            {
                if (gone.Now.Value is { } n && n >= threshold)
                {
                    rowLines.Add($"{d.Title}, {gone.Label}: staat niet meer in deze versie.");
                }
                else
                {
                    hasSmall = true;
                }
            }
            // All or nothing per part: with one small or hidden change, the figures of the other rows would give
            // away its size (the rows add up to the total), so the part is only named.
            if (hasSmall)
            {
                small.Add(d.Title);
            }
            else
            {
                lines.AddRange(rowLines);
            }
            if (od is not null && od.TooFewToShow != d.TooFewToShow)
            {
                lines.Add(d.TooFewToShow ? $"{d.Title}: nu te weinig contacten om te verdelen." : $"{d.Title}: nu wel verdeeld.");
            }
        }
        var oldSignals = before.Signals.ToDictionary(s => s.Title, StringComparer.Ordinal);
        foreach (var s in after.Signals)
        {
            if (!oldSignals.Remove(s.Title, out var os))
            {
                lines.Add($"Nieuw signaal: {s.Title}.");
            }
            else if (os.Status != s.Status)
            {
                lines.Add($"Signaal {s.Title}: was ‘{SignalLabels.Status(os.Status)}’, nu ‘{SignalLabels.Status(s.Status)}’.");
            }
        }
        lines.AddRange(oldSignals.Keys.Select(title => $"Signaal niet meer bij de belangrijkste: {title}."));
        if (before.Quotes.Count != after.Quotes.Count || !before.Quotes.SequenceEqual(after.Quotes))
        {
            lines.Add($"Citaten: was {before.Quotes.Count}, nu {after.Quotes.Count}.");
        }
        if ((before.Summary ?? "") != (after.Summary ?? ""))
        {
            lines.Add("De samenvatting is aangepast.");
        }
        if (lines.Count > max)
        {
            lines = [.. lines.Take(max), $"En nog {lines.Count - max} andere wijzigingen."];
        }
        if (small.Count > 0)
        {
            lines.Add($"Kleine wijzigingen (minder dan {threshold}), of wijzigingen in aantallen die we niet tonen, in: {string.Join(", ", small)}. "
                + "Die laten we zonder cijfers zien, zodat niemand te herkennen is.");
        }
        return lines;

        // Both counts shown, and apart by at least the threshold.
        static bool Large(PublishedReport.Cell was, PublishedReport.Cell now, int threshold) =>
            was.Value is { } a && now.Value is { } b && Math.Abs(a - b) >= threshold;

        static IEnumerable<PublishedReport.Dimension> Dimensions(PublishedReport.Version v) =>
            (v.Trend is { } t ? [t] : Array.Empty<PublishedReport.Dimension>()).Concat(v.Dimensions);
    }
}
