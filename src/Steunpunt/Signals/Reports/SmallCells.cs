namespace Steunpunt.Signals.Reports;

/// <summary>
/// Small-cell suppression for a published table. Counts from 1 to threshold-1 are hidden ("&lt;5": primary). When
/// the table's total is published, further cells are hidden ("x": secondary) until no hidden cell can be worked out
/// from the total and the shown cells: for every hidden cell the range of values that fits is at least two wide,
/// given that a primary cell lies between 1 and threshold-1 and a secondary cell is at least the threshold.
/// A total below the threshold hides every non-zero cell.
/// </summary>
public static class SmallCells
{
    public enum Hidden { No, Small, Secondary }

    public static Hidden[] Suppress(IReadOnlyList<int> values, int? total, int threshold)
    {
        var hidden = values.Select(v => v > 0 && v < threshold ? Hidden.Small : Hidden.No).ToArray();
        if (total is not { } t)
        {
            return hidden; // no equation to solve: a hidden cell is only known to be small
        }
        if (t > 0 && t < threshold)
        {
            return [.. values.Select(v => v > 0 ? Hidden.Small : Hidden.No)];
        }
        while (Recoverable(values, hidden, t, threshold))
        {
            // Hide the smallest shown non-zero cell as well.
            var next = Enumerable.Range(0, values.Count).Where(i => hidden[i] == Hidden.No && values[i] > 0)
                .OrderBy(i => values[i]).Cast<int?>().FirstOrDefault();
            if (next is not { } n)
            {
                break; // nothing left to hide; the caller hides the total (see TotalMustHide)
            }
            hidden[n] = Hidden.Secondary;
        }
        return hidden;
    }

    /// <summary>True when, even with every cell hidden, a hidden cell follows from the total (then the total itself
    /// must not be shown).</summary>
    public static bool TotalMustHide(IReadOnlyList<int> values, Hidden[] hidden, int total, int threshold) =>
        Recoverable(values, hidden, total, threshold);

    /// <summary>Can any hidden cell be pinned to one value from the total and the shown cells?</summary>
    public static bool Recoverable(IReadOnlyList<int> values, IReadOnlyList<Hidden> hidden, int total, int threshold)
    {
        var cells = Enumerable.Range(0, values.Count).Where(i => hidden[i] != Hidden.No).ToList();
        if (cells.Count == 0)
        {
            return false;
        }
        var rest = total - Enumerable.Range(0, values.Count).Where(i => hidden[i] == Hidden.No).Sum(i => values[i]);
        (long Lo, long Hi) Bounds(int i) => hidden[i] == Hidden.Small ? (1, threshold - 1) : (threshold, rest);
        foreach (var i in cells)
        {
            var othersLo = cells.Where(j => j != i).Sum(j => Bounds(j).Lo);
            var othersHi = cells.Where(j => j != i).Sum(j => Bounds(j).Hi);
            var lo = Math.Max(Bounds(i).Lo, rest - othersHi);
            var hi = Math.Min(Bounds(i).Hi, rest - othersLo);
            if (lo >= hi)
            {
                return true;
            }
        }
        return false;
    }
}
