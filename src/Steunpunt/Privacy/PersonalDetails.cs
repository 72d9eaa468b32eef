using System.Text.RegularExpressions;

namespace Steunpunt.Privacy;

/// <summary>
/// The patterns of details that point at a person wherever text leaves the place it was written for: e-mail
/// addresses, Dutch phone numbers, postcodes and dates. Used by the story redactor and by the count of searches
/// without an answer; neither relies on it alone.
/// </summary>
public static partial class PersonalDetails
{
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Email();

    // Dutch numbers: 06-12345678, 0612345678, 010 123 45 67, +31 6 1234 5678, 0031612345678.
    [GeneratedRegex(@"(?<!\w)(\+31|0031|0)[\s-]?(\(0\))?[\s-]?\d([\s-]?\d){7,9}(?!\w)", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Phone();

    [GeneratedRegex(@"(?<!\w)[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?!\w)", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Postcode();

    [GeneratedRegex(@"(?<!\w)\d{1,2}[-/.]\d{1,2}[-/.](\d{4}|\d{2})(?!\w)", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\w)\d{1,2}\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(\s+\d{4})?(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex WrittenDate();

    /// <summary>The text without e-mail addresses, phone numbers, postcodes and dates.</summary>
    public static string Without(string text)
    {
        foreach (var pattern in new[] { Email(), Phone(), Postcode(), NumericDate(), WrittenDate() })
        {
            text = pattern.Replace(text, " ");
        }
        return text;
    }
}
