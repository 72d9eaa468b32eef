using System.Globalization;

namespace Steunpunt.Signals.Reports;

/// <summary>
/// The report as it may be shown: every count passed through small-cell suppression. A hidden small count reads
/// "&lt;5" (with the default threshold), a count hidden to protect another reads "x", and a change is only shown
/// when both periods are shown. A dimension that cannot be protected even with every row hidden shows no rows.
/// </summary>
public static class PublishedReport
{
    public sealed record Cell(string Text, int? Value)
    {
        public bool Hidden => Value is null;
    }

    public sealed record Row(string Label, Cell Now, Cell Before, string Change);

    public sealed record Dimension(string Title, Cell? Total, Cell? PreviousTotal, IReadOnlyList<Row> Rows, bool TooFewToShow);

    public static Cell Total(int total, int threshold) =>
        total > 0 && total < threshold ? new Cell($"<{threshold}", null) : new Cell(total.ToString(CultureInfo.InvariantCulture), total);

    public static Dimension Publish(BoardReport.Dimension d, int threshold)
    {
        var now = Hide([.. d.Rows.Select(r => r.Count)], d.Total, threshold, out var nowTooFew);
        var before = Hide([.. d.Rows.Select(r => r.Previous)], d.PreviousTotal, threshold, out _);
        if (nowTooFew)
        {
            return new Dimension(d.Title, d.Total is { } t ? Total(t, threshold) : null, null, [], TooFewToShow: true);
        }
        var rows = d.Rows.Select((r, i) => new Row(r.Label, now[i], before[i],
            now[i].Value is { } a && before[i].Value is { } b ? Change(a - b) : "")).ToList();
        return new Dimension(d.Title, d.Total is { } total ? Total(total, threshold) : null,
            d.PreviousTotal is { } previous ? Total(previous, threshold) : null, rows, TooFewToShow: false);
    }

    private static Cell[] Hide(int[] values, int? total, int threshold, out bool tooFew)
    {
        var hidden = SmallCells.Suppress(values, total, threshold);
        tooFew = total is { } t && t >= threshold && SmallCells.TotalMustHide(values, hidden, t, threshold);
        return [.. values.Select((v, i) => hidden[i] switch
        {
            SmallCells.Hidden.Small => new Cell($"<{threshold}", null),
            SmallCells.Hidden.Secondary => new Cell("x", null),
            _ => new Cell(v.ToString(CultureInfo.InvariantCulture), v),
        })];
    }

    private static string Change(int delta) => delta switch
    {
        > 0 => "+" + delta.ToString(CultureInfo.InvariantCulture),
        < 0 => "−" + (-delta).ToString(CultureInfo.InvariantCulture),
        _ => "0",
    };
}
