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

    /// <summary>Every table of up to five cells with totals up to 40 (a sample) is checked by brute force: the
    /// reader knows the shown cells, the total, that a "&lt;5" cell is 1–4 and that an "x" cell is at least 5.
    /// Every hidden cell must still have at least two possible values.</summary>
    [Fact]
    public void No_hidden_cell_can_be_worked_out_from_the_total_and_the_shown_cells()
    {
        var random = new Random(20261123);
        var checkedTables = 0;
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
            var possible = hidden.Select(_ => new HashSet<int>()).ToArray();
            Solve(values, hidden, total, 0, new int[values.Length], possible);
            for (var i = 0; i < values.Length; i++)
            {
                if (hidden[i] != Hidden.No)
                {
                    Assert.True(possible[i].Count >= 2, $"[{string.Join(",", values)}] total {total}: cell {i} can only be {string.Join("/", possible[i])}");
                }
            }
        }
        Assert.True(checkedTables > 500, $"Only {checkedTables} tables had hidden cells.");
    }

    private static void Solve(int[] values, Hidden[] hidden, int total, int i, int[] guess, HashSet<int>[] possible)
    {
        if (i == values.Length)
        {
            if (guess.Sum() == total)
            {
                for (var j = 0; j < guess.Length; j++)
                {
                    possible[j].Add(guess[j]);
                }
            }
            return;
        }
        var (lo, hi) = hidden[i] switch
        {
            Hidden.Small => (1, 4),
            Hidden.Secondary => (5, total),
            _ => (values[i], values[i]),
        };
        for (var v = lo; v <= hi && guess.Take(i).Sum() + v <= total; v++)
        {
            guess[i] = v;
            Solve(values, hidden, total, i + 1, guess, possible);
        }
        guess[i] = 0;
    }
}
