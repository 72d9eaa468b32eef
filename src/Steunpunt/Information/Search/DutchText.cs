using System.Globalization;
using System.Text;

namespace Steunpunt.Information.Search;

/// <summary>Plain word handling shared by search, slugs and the finder: words of a text, folded.</summary>
public static class DutchText
{
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
