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

    // Nine digits, possibly written 123.456.789 or 123 45 6789: checked with the elfproef before it counts as a BSN.
    [GeneratedRegex(@"(?<![\w.])\d([\s.]?\d){8}(?![\w])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NineDigits();

    /// <summary>Whether nine digits pass the BSN eleven test (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11).</summary>
    public static bool IsBsnLike(string nineDigits)
    {
        var digits = nineDigits.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 9 || digits.All(d => d == 0))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * digits[i];
        }
        sum -= digits[8];
        return sum % 11 == 0;
    }

    /// <summary>What a text holds that points straight at a person, in plain Dutch ("een e-mailadres"), or null. For
    /// forms that are not meant for a person's details at all (questions to the expert group).</summary>
    public static string? Obvious(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (Email().IsMatch(text))
        {
            return "een e-mailadres";
        }
        if (NineDigits().Matches(text).Any(m => IsBsnLike(m.Value)))
        {
            return "iets dat lijkt op een burgerservicenummer (BSN)";
        }
        return Phone().IsMatch(text) ? "een telefoonnummer" : null;
    }

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
