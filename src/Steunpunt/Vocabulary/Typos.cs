namespace Steunpunt.Vocabulary;

/// <summary>How far apart two words are in typing mistakes: used by the site search ("Bedoelde u …?") and by the
/// finder (a gemeente with a typo).</summary>
public static class Typos
{
    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), cut off above limit.</summary>
    public static int Distance(string a, string b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit)
            {
                return limit + 1;
            }
        }
        return d[a.Length, b.Length];
    }
}
