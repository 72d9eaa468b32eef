using System.Globalization;

namespace Steunpunt.Signals.Reports;

/// <summary>
/// The report as it may be shown: every count passed through small-cell suppression. A hidden small count reads
/// "&lt;5" (with the default threshold), a count hidden to protect another reads "x", and a change is only shown
/// when both periods are shown; against a previous period without any (0) it reads "nieuw", not "+7". A dimension
/// that cannot be protected even with every row hidden shows no rows.
/// </summary>
public static class PublishedReport
{
    public sealed record Cell(string Text, int? Value)
    {
        public bool Hidden => Value is null;
    }

    public sealed record Row(string Label, Cell Now, Cell Before, string Change);

    public sealed record Dimension(string Title, Cell? Total, Cell? PreviousTotal, IReadOnlyList<Row> Rows, bool TooFewToShow);

    /// <summary>A signal in the report; Id is null in versions published before it was stored.</summary>
    public sealed record SignalLine(string Title, SignalStatus Status, Cell Contacts, Cell Stories, Guid? Id = null);

    /// <summary>Reach: contacts per 1 000 pupils in this period and the one before (null when too few to say), with
    /// the SWV's pupils by DUO's register.</summary>
    public sealed record ReachLine(string? Now, string? Before, int Pupils);

    /// <summary>Everything a report page or CSV shows, and nothing more: names, labels and suppressed counts, the
    /// monthly trend, reach per 1 000 pupils (when the pupils are known) and the summary staff wrote. What the board
    /// reads is a stored Version; staff see one made live. Fields added later are null in older stored versions.</summary>
    public sealed record Version(string SwvName, string PeriodKey, string PeriodLabel, string PreviousLabel, int Threshold,
        Cell Total, Cell PreviousTotal, bool Empty, IReadOnlyList<Dimension> Dimensions, IReadOnlyList<SignalLine> Signals,
        IReadOnlyList<string> Quotes, bool SharesUnknownPhase, Dimension? Trend = null, ReachLine? Reach = null, string? Summary = null);

    public const string TrendTitle = "Contacten per maand";

    public static Version From(BoardReport.Report report)
    {
        var t = report.Threshold;
        var trend = report.Total == 0 ? null
            : Publish(new BoardReport.Dimension(TrendTitle, report.Total, report.Months.Sum(m => m.Previous), report.Months), t);
        var reach = report.Pupils is { } pupils
            ? new ReachLine(PerThousand(report.Total, pupils, t), PerThousand(report.PreviousTotal, pupils, t), pupils)
            : null;
        return new Version(report.Swv.Name, report.Period.Key, report.Period.Label, report.Period.Previous().Label, t,
            Total(report.Total, t), Total(report.PreviousTotal, t), report.Total == 0,
            report.Total == 0 ? [] : [.. report.Dimensions.Select(d => Publish(d, t))],
            [.. report.Signals.Select(s => new SignalLine(s.Title, s.Status, Total(s.Contacts, t), Total(s.Stories, t), s.Id))],
            report.Quotes, report.SharesUnknownPhase, trend, reach);
    }

    /// <summary>Contacts per 1 000 pupils with one decimal ("3,2"), or null when the contacts are too few to show.</summary>
    public static string? PerThousand(int contacts, int pupils, int threshold) =>
        contacts >= threshold && pupils > 0 ? (contacts * 1000.0 / pupils).ToString("0.0", Dutch.Culture) : null;

    private static readonly System.Text.Json.JsonSerializerOptions s_json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static string Serialize(Version version) => System.Text.Json.JsonSerializer.Serialize(version, s_json);

    public static Version Deserialize(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<Version>(json, s_json) ?? throw new InvalidDataException("An empty board report release.");

    /// <summary>The report as CSV (semicolons, as Dutch spreadsheets expect). Every cell that a spreadsheet could read
    /// as a formula (starting with = + - @, a tab or a carriage return) is kept as text.</summary>
    public static string Csv(Version v)
    {
        var csv = new System.Text.StringBuilder();
        Line("onderdeel", "waarde", "deze periode", "vorige periode", "verschil");
        Line("Contacten", "Totaal", v.Total.Text, v.PreviousTotal.Text, "");
        foreach (var d in (v.Trend is { } trend ? [trend] : Array.Empty<Dimension>()).Concat(v.Dimensions))
        {
            foreach (var r in d.Rows)
            {
                Line(d.Title, r.Label, r.Now.Text, r.Before.Text, r.Change);
            }
        }
        return csv.ToString();

        void Line(params string[] cells) => csv.AppendLine(string.Join(';', cells.Select(CsvCell)));
    }

    public static string CsvCell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

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
            before[i].Value == 0 && r.Count > 0 ? New
            : now[i].Value is { } a && before[i].Value is { } b ? Change(a, b) : "")).ToList();
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

    /// <summary>The word for a row that had nothing in the previous period: no "+7" against nothing.</summary>
    public const string New = "nieuw";

    private static string Change(int now, int before) => (now - before) switch
    {
        > 0 and var delta => "+" + delta.ToString(CultureInfo.InvariantCulture),
        < 0 and var delta => "−" + (-delta).ToString(CultureInfo.InvariantCulture),
        _ => "0",
    };
}
