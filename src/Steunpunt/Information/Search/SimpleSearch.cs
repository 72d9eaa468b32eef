using System.Globalization;
using System.Text;

namespace Steunpunt.Information.Search;

/// <summary>
/// A plain word-match search over the merged articles. Good enough to find a page by its words;
/// Dutch stemming, compounds, synonyms and typo tolerance come with the search issue (#3).
/// </summary>
public static class SimpleSearch
{
    public const int MaxQueryLength = 200;

    public static IReadOnlyList<Article> Find(IEnumerable<Article> articles, string query, Audience? audience)
    {
        var words = Words(query).Where(w => w.Length >= 2).Distinct().Take(12).ToList();
        if (words.Count == 0)
        {
            return [];
        }
        return articles
            .Where(a => audience is null || a.Audience == audience)
            .Select(a => (Article: a, Score: Score(a, words)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Article.Question, StringComparer.Ordinal)
            .Take(30)
            .Select(x => x.Article)
            .ToList();
    }

    private static int Score(Article a, List<string> words)
    {
        var question = Fold(a.Question);
        var shortAnswer = Fold(a.ShortAnswer);
        var body = Fold(string.Join(' ', a.Explanation, a.Supplement, a.WhatYouCanDo, a.WhoToGoTo));
        var score = 0;
        foreach (var w in words)
        {
            score += question.Contains(w, StringComparison.Ordinal) ? 6 : 0;
            score += shortAnswer.Contains(w, StringComparison.Ordinal) ? 3 : 0;
            score += body.Contains(w, StringComparison.Ordinal) ? 1 : 0;
        }
        return score;
    }

    public static IEnumerable<string> Words(string text) =>
        Fold(text).Split(static c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 0);

    /// <summary>Lower case without diacritics: "financiële" → "financiele".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

internal static class StringSplitExtensions
{
    extension(string text)
    {
        public string[] Split(Func<char, bool> isSeparator)
        {
            var parts = new List<string>();
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || isSeparator(text[i]))
                {
                    if (i > start)
                    {
                        parts.Add(text[start..i]);
                    }
                    start = i + 1;
                }
            }
            return [.. parts];
        }
    }
}
