namespace Steunpunt.Signals.Reports;

/// <summary>
/// Small-cell suppression for a published table. Counts from 1 to threshold-1 are hidden ("&lt;5": primary). When
/// the table's total is published, further cells are hidden ("x": secondary) so that no hidden cell can be worked
/// out from the total and the shown cells: for every hidden cell the range of values that fits is at least two wide,
/// given that a primary cell lies between 1 and threshold-1 and a secondary cell is at least the threshold.
/// The secondary cells are the smallest set that protects: first the fewest cells, then (among those) sets without
/// the largest cell, then the smallest sum. So the largest group is only hidden when nothing else protects.
/// A total below the threshold hides every non-zero cell.
/// </summary>
public static class SmallCells
{
    public enum Hidden { No, Small, Secondary }

    /// <summary>Above this many candidate cells only sets of up to <see cref="LargeTableSetSize"/> cells are searched
    /// (then every candidate is hidden); on the report's tables one cell nearly always protects.</summary>
    private const int ExactSearchLimit = 16;
    private const int LargeTableSetSize = 3;

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
        if (!Recoverable(values, hidden, t, threshold))
        {
            return hidden;
        }
        var candidates = Enumerable.Range(0, values.Count).Where(i => hidden[i] == Hidden.No && values[i] > 0).ToList();
        if (ProtectingSet(values, hidden, t, threshold, candidates) is { } best)
        {
            foreach (var i in best)
            {
                hidden[i] = Hidden.Secondary;
            }
            return hidden;
        }
        // Nothing protects: hide every cell; the caller hides the total as well (see TotalMustHide).
        foreach (var i in candidates)
        {
            hidden[i] = Hidden.Secondary;
        }
        return hidden;
    }

    /// <summary>The cells to hide as well, in the order of <see cref="Suppress"/>'s rule, or null when no set of cells
    /// protects the small ones.</summary>
    public static IReadOnlyList<int>? ProtectingSet(IReadOnlyList<int> values, Hidden[] primary, int total, int threshold, IReadOnlyList<int> candidates)
    {
        if (candidates.Count == 0)
        {
            return null;
        }
        var largest = candidates.OrderByDescending(i => values[i]).ThenBy(i => i).First();
        var maxSize = candidates.Count <= ExactSearchLimit ? candidates.Count : Math.Min(LargeTableSetSize, candidates.Count);
        for (var size = 1; size <= maxSize; size++)
        {
            IReadOnlyList<int>? best = null;
            var bestKey = (Largest: true, Sum: long.MaxValue);
            foreach (var set in Combinations(candidates, size))
            {
                var key = (Largest: set.Contains(largest), Sum: set.Sum(i => (long)values[i]));
                if (best is not null && (key.Largest, key.Sum).CompareTo((bestKey.Largest, bestKey.Sum)) >= 0)
                {
                    continue;
                }
                var trial = (Hidden[])primary.Clone();
                foreach (var i in set)
                {
                    trial[i] = Hidden.Secondary;
                }
                if (!Recoverable(values, trial, total, threshold))
                {
                    (best, bestKey) = (set, key);
                }
            }
            if (best is not null)
            {
                return best;
            }
        }
        return null;
    }

    /// <summary>Every set of <paramref name="size"/> items, in order.</summary>
    public static IEnumerable<int[]> Combinations(IReadOnlyList<int> items, int size)
    {
        var pick = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return [.. pick.Select(p => items[p])];
            var k = size - 1;
            while (k >= 0 && pick[k] == items.Count - size + k)
            {
                k--;
            }
            if (k < 0)
            {
                yield break;
            }
            pick[k]++;
            for (var j = k + 1; j < size; j++)
            {
                pick[j] = pick[j - 1] + 1;
            }
        }
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
