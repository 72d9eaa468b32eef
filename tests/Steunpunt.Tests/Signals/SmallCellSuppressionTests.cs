using Steunpunt.Signals.Reports;
using Hidden = Steunpunt.Signals.Reports.SmallCells.Hidden;

namespace Steunpunt.Tests.Signals;

public sealed class SmallCellSuppressionTests
{
    [Fact]
    public void Small_counts_are_hidden_and_one_hidden_cell_gets_a_partner()
    {
        // 3 is small; with the total published it could be worked out, so the next smallest (8) is hidden too.
        var hidden = SmallCells.Suppress([20, 3, 8, 12, 0], 43, 5);
        Assert.Equal([Hidden.No, Hidden.Small, Hidden.Secondary, Hidden.No, Hidden.No], hidden);
    }

    [Fact]
    public void Two_small_cells_that_pin_each_other_down_get_a_partner()
    {
        // 1 + 1 = 2 leaves only 1 and 1: hide another cell.
        var hidden = SmallCells.Suppress([1, 1, 30, 9], 41, 5);
        Assert.Equal([Hidden.Small, Hidden.Small, Hidden.No, Hidden.Secondary], hidden);
    }

    [Fact]
    public void Without_a_published_total_only_small_cells_are_hidden()
    {
        Assert.Equal([Hidden.Small, Hidden.No, Hidden.No], SmallCells.Suppress([2, 7, 0], null, 5));
    }

    [Fact]
    public void A_total_below_the_threshold_hides_every_count()
    {
        Assert.Equal([Hidden.Small, Hidden.Small, Hidden.No], SmallCells.Suppress([3, 1, 0], 4, 5));
    }

    [Fact]
    public void A_published_report_shows_small_cells_as_less_than_five_and_hides_the_change()
    {
        var d = new BoardReport.Dimension("Kanaal", 43, 40, [new("Formulier", 20, 18), new("Telefoon", 3, 10), new("E-mail", 8, 7), new("Inloop", 12, 5)]);
        var p = PublishedReport.Publish(d, 5);
        Assert.Equal(["20", "<5", "x", "12"], p.Rows.Select(r => r.Now.Text));
        Assert.Equal(["+2", "", "", "+7"], p.Rows.Select(r => r.Change));
        Assert.Equal("43", p.Total!.Text);
    }

    [Fact]
    public void The_largest_group_stays_shown_when_a_smaller_cell_protects()
    {
        // basisschool 25, speciaal basisonderwijs 3, speciaal onderwijs 6, voortgezet onderwijs 9: hiding the 6 is enough.
        Assert.Equal([Hidden.No, Hidden.Small, Hidden.Secondary, Hidden.No], SmallCells.Suppress([25, 3, 6, 9], 43, 5));
        // 1 and 5 pin each other down (1 + 5 = 6 leaves only 1 and 5), so the 5 does not protect; the 9 does.
        Assert.Equal([Hidden.No, Hidden.Small, Hidden.No, Hidden.Secondary], SmallCells.Suppress([25, 1, 5, 9], 40, 5));
        // Only the largest group can protect here, so it is hidden.
        Assert.Equal([Hidden.Secondary, Hidden.Small, Hidden.No], SmallCells.Suppress([25, 1, 5], 31, 5));
    }

    /// <summary>The tables of the report's fixtures and the cases from the issue, with their expected "x" cells.</summary>
    public static TheoryData<int[], int[]> Fixtures => new()
    {
        { [9, 3, 2, 1], [] },            // the fixture's phases: three small cells protect each other
        { [5, 2], [0] },                 // only one other cell: it must be hidden, even though it is the largest
        { [9, 2], [0] },                 // on time 9, late 2
        { [11, 3, 1], [] },              // two small cells protect each other
        { [12, 2, 1], [] },
        { [10, 2, 3], [] },
        { [20, 3, 8, 12, 0], [2] },
        { [1, 1, 30, 9], [3] },
        { [25, 3, 6, 9], [2] },
        { [25, 1, 5, 9], [3] },
        { [25, 4, 5, 5, 30], [2] },
        { [5, 1, 5, 6, 40], [3] },
        { [8, 8, 1, 25], [0] },
    };

    [Theory, MemberData(nameof(Fixtures))]
    public void On_the_fixtures_the_hidden_cells_are_the_expected_minimal_set(int[] values, int[] secondary)
    {
        var hidden = SmallCells.Suppress(values, values.Sum(), 5);
        Assert.Equal(secondary, Enumerable.Range(0, values.Length).Where(i => hidden[i] == Hidden.Secondary));
        AssertSafeAndMinimal(values, hidden, values.Sum());
    }

    /// <summary>Every table of two to five cells with counts up to 15 (a sample) is checked by brute force: the
    /// reader knows the shown cells, the total, that a "&lt;5" cell is 1–4 and that an "x" cell is at least 5.
    /// Every hidden cell must still have at least two possible values, and no smaller set of "x" cells would have
    /// done (nor a set of the same size without the largest cell, nor one with a smaller sum).</summary>
    [Fact]
    public void No_hidden_cell_can_be_worked_out_and_no_smaller_set_would_do()
    {
        var random = new Random(20261123);
        var (checkedTables, withSecondary) = (0, 0);
        for (var n = 0; n < 4000; n++)
        {
            var values = Enumerable.Range(0, random.Next(2, 6)).Select(_ => random.Next(0, 3) == 0 ? random.Next(0, 5) : random.Next(0, 16)).ToArray();
            var total = values.Sum();
            var hidden = SmallCells.Suppress(values, total, 5);
            var d = PublishedReport.Publish(new BoardReport.Dimension("t", total, total, [.. values.Select((v, i) => new BoardReport.Row($"r{i}", v, v))]), 5);
            if (d.TooFewToShow || total < 5 || hidden.All(h => h == Hidden.No))
            {
                continue; // nothing shown per row, or nothing hidden
            }
            checkedTables++;
            withSecondary += hidden.Contains(Hidden.Secondary) ? 1 : 0;
            AssertSafeAndMinimal(values, hidden, total);
        }
        Assert.True(checkedTables > 500, $"Only {checkedTables} tables had hidden cells.");
        Assert.True(withSecondary > 200, $"Only {withSecondary} tables needed an x.");
    }

    private static void AssertSafeAndMinimal(int[] values, Hidden[] hidden, int total)
    {
        var table = $"[{string.Join(",", values)}] total {total}";
        Assert.True(Safe(values, hidden, total, out var pinned), $"{table}: {pinned}");
        var primary = values.Select(v => v is > 0 and < 5 ? Hidden.Small : Hidden.No).ToArray();
        var chosen = Enumerable.Range(0, values.Length).Where(i => hidden[i] == Hidden.Secondary).ToArray();
        if (chosen.Length == 0)
        {
            return;
        }
        var candidates = Enumerable.Range(0, values.Length).Where(i => primary[i] == Hidden.No && values[i] > 0).ToArray();
        var largest = candidates.OrderByDescending(i => values[i]).ThenBy(i => i).First();
        var protecting = Subsets(candidates).Where(set => set.Length > 0 && Safe(values, With(primary, set), total, out _)).ToList();
        if (protecting.Count == 0)
        {
            Assert.Equal(candidates, chosen); // nothing protects: every cell hidden (and the total with it)
            return;
        }
        Assert.False(Safe(values, primary, total, out _), $"{table}: an x was not needed");
        Assert.Equal(protecting.Min(set => set.Length), chosen.Length);
        if (chosen.Contains(largest))
        {
            Assert.True(protecting.All(set => set.Contains(largest)), $"{table}: the largest cell is hidden, but a set without it protects");
        }
        var sameSize = protecting.Where(set => set.Length == chosen.Length && set.Contains(largest) == chosen.Contains(largest));
        Assert.Equal(sameSize.Min(set => set.Sum(i => values[i])), chosen.Sum(i => values[i]));
    }

    private static Hidden[] With(Hidden[] primary, int[] secondary)
    {
        var h = (Hidden[])primary.Clone();
        foreach (var i in secondary)
        {
            h[i] = Hidden.Secondary;
        }
        return h;
    }

    private static IEnumerable<int[]> Subsets(int[] items) =>
        Enumerable.Range(0, 1 << items.Length).Select(mask => items.Where((_, b) => (mask & (1 << b)) != 0).ToArray());

    /// <summary>Brute force: every assignment of the hidden cells that fits the total and what is shown, by counting
    /// which sums the other hidden cells can reach. Safe when every hidden cell keeps at least two possible values.</summary>
    private static bool Safe(int[] values, Hidden[] hidden, int total, out string pinned)
    {
        pinned = "";
        var cells = Enumerable.Range(0, values.Length).Where(i => hidden[i] != Hidden.No).ToArray();
        var rest = total - Enumerable.Range(0, values.Length).Where(i => hidden[i] == Hidden.No).Sum(i => values[i]);
        (int Lo, int Hi) Range(int i) => hidden[i] == Hidden.Small ? (1, 4) : (5, total);
        foreach (var i in cells)
        {
            var reach = new bool[rest + 1];
            reach[0] = true;
            foreach (var j in cells.Where(j => j != i))
            {
                var next = new bool[rest + 1];
                for (var s = 0; s <= rest; s++)
                {
                    for (var v = Range(j).Lo; reach[s] && v <= Range(j).Hi && s + v <= rest; v++)
                    {
                        next[s + v] = true;
                    }
                }
                reach = next;
            }
            var possible = Enumerable.Range(Range(i).Lo, Math.Max(0, Range(i).Hi - Range(i).Lo + 1)).Where(v => v <= rest && reach[rest - v]).ToList();
            if (possible.Count < 2)
            {
                pinned = $"cell {i} can only be {string.Join("/", possible)}";
                return false;
            }
        }
        return true;
    }
}
