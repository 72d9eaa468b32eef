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
        text.Append(CultureInfo.InvariantCulture, $"In {v.PeriodLabel} had het steunpunt {v.Total.Text} contacten met ouders, jongeren en professionals van {v.SwvName}");
        text.Append(v.PreviousTotal.Value is 0
            ? $". In {v.PreviousLabel} waren er nog geen contacten, dus er is geen vergelijking."
            : $" ({v.PreviousLabel}: {v.PreviousTotal.Text}).");
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

        static string Describe((string Dimension, PublishedReport.Row Row, int Delta) c) =>
            $"{c.Row.Label} ({c.Dimension.ToLower(Dutch.Culture)}), van {c.Row.Before.Text} naar {c.Row.Now.Text}";
    }

    /// <summary>What changed from one published version of a period to the next, line by line, as the board reads it.</summary>
    public static IReadOnlyList<string> Changes(PublishedReport.Version before, PublishedReport.Version after, int max = 30)
    {
        var lines = new List<string>();
        if (before.Total.Text != after.Total.Text)
        {
            lines.Add($"Contacten in totaal: was {before.Total.Text}, nu {after.Total.Text}.");
        }
        if (before.Reach?.Now != after.Reach?.Now)
        {
            lines.Add($"Bereik per 1.000 leerlingen: was {before.Reach?.Now ?? "niet bekend"}, nu {after.Reach?.Now ?? "niet bekend"}.");
        }
        var oldDimensions = Dimensions(before).ToDictionary(d => d.Title, StringComparer.Ordinal);
        foreach (var d in Dimensions(after))
        {
            var oldRows = oldDimensions.TryGetValue(d.Title, out var od) ? od.Rows.ToDictionary(r => r.Label, StringComparer.Ordinal) : [];
            foreach (var r in d.Rows)
            {
                if (!oldRows.Remove(r.Label, out var or))
                {
                    lines.Add($"{d.Title}, {r.Label}: nieuw in deze versie ({r.Now.Text}).");
                }
                else if (or.Now.Text != r.Now.Text)
                {
                    lines.Add($"{d.Title}, {r.Label}: was {or.Now.Text}, nu {r.Now.Text}.");
                }
            }
            lines.AddRange(oldRows.Keys.Select(label => $"{d.Title}, {label}: staat niet meer in deze versie."));
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
        return lines.Count <= max ? lines : [.. lines.Take(max), $"En nog {lines.Count - max} andere wijzigingen."];

        static IEnumerable<PublishedReport.Dimension> Dimensions(PublishedReport.Version v) =>
            (v.Trend is { } t ? [t] : Array.Empty<PublishedReport.Dimension>()).Concat(v.Dimensions);
    }
}
