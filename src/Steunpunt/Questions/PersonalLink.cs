using Steunpunt.Privacy;

namespace Steunpunt.Questions;

/// <summary>
/// The secret that opens a person's conversation without an account: a link token of 128 random bits and a short
/// code of 50 random bits to write down (typed in on the steunpunt's "gesprek" page, which is rate limited). Only
/// keyed fingerprints are stored.
/// </summary>
public static class PersonalLink
{
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789"; // no 0/O, 1/I/L, U: easy to copy by hand

    /// <summary>The link token (128 bits) and short code (≈49 bits) for one submission, derived with a keyed function
    /// from what identifies it (see <see cref="Web.SubmissionKeys.Submission"/>). A repeated post of the same form (double click, refresh)
    /// shows the same link without the link ever being stored.</summary>
    public static (string Token, string Code) For(string submission)
    {
        var token = Web.SubmissionKeys.Base64Url(Fingerprint.Bytes("derive-token", submission)[..16]);
        var bytes = Fingerprint.Bytes("derive-code", submission);
        Span<char> code = stackalloc char[10];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = CodeAlphabet[((bytes[2 * i] << 8) | bytes[(2 * i) + 1]) % CodeAlphabet.Length];
        }
        return (token, $"{code[..5]}-{code[5..]}");
    }

    public static string LinkHash(string token) => Fingerprint.Of("link", token.Trim());

    public static string? CodeHash(string code)
    {
        var normal = NormaliseCode(code);
        return normal is null ? null : Fingerprint.Of("code", normal);
    }

    /// <summary>Accepts what people type: lower case, with spaces, with or without the dash.</summary>
    public static string? NormaliseCode(string code)
    {
        var letters = new string([.. code.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return letters.Length == 10 && letters.All(CodeAlphabet.Contains) ? $"{letters[..5]}-{letters[5..]}" : null;
    }

}
