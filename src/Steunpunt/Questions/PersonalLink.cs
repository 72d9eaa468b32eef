using System.Security.Cryptography;
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
    /// from what identifies it (see <see cref="Submission"/>). A repeated post of the same form (double click, refresh)
    /// shows the same link without the link ever being stored.</summary>
    public static (string Token, string Code) For(string submission)
    {
        var token = Base64Url(Fingerprint.Bytes("derive-token", submission)[..16]);
        var bytes = Fingerprint.Bytes("derive-code", submission);
        Span<char> code = stackalloc char[10];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = CodeAlphabet[((bytes[2 * i] << 8) | bytes[(2 * i) + 1]) % CodeAlphabet.Length];
        }
        return (token, $"{code[..5]}-{code[5..]}");
    }

    /// <summary>
    /// What identifies one submission: the steunpunt, the form's random key and what was sent. The same form sent
    /// again with the same content is the same submission; the key replayed with other text, or at another steunpunt,
    /// is a new one, so it can never answer with someone else's link.
    /// </summary>
    public static string Submission(string kind, Guid? tenantId, string key, params string[] content) =>
        $"{kind}|{tenantId:N}|{key}|{Fingerprint.Of("submission-content", string.Join('\u001f', content))}";

    public static string NewSubmissionKey() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string LinkHash(string token) => Fingerprint.Of("link", token.Trim());

    public static string? CodeHash(string code)
    {
        var normal = NormaliseCode(code);
        return normal is null ? null : Fingerprint.Of("code", normal);
    }

    public static string SubmissionHash(string key) => Fingerprint.Of("submission", key);

    /// <summary>Accepts what people type: lower case, with spaces, with or without the dash.</summary>
    public static string? NormaliseCode(string code)
    {
        var letters = new string([.. code.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return letters.Length == 10 && letters.All(CodeAlphabet.Contains) ? $"{letters[..5]}-{letters[5..]}" : null;
    }

    /// <summary>A well-formed token: 22 base64url characters.</summary>
    public static bool LooksLikeToken(string token) =>
        token.Length == 22 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
