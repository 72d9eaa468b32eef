using System.Security.Cryptography;
using Steunpunt.Privacy;

namespace Steunpunt.Web;

/// <summary>
/// The "store once" key of every anonymous form (question, story, reply): a random key placed in the form when it is
/// shown. The same form sent again with the same content (a double click, a refresh, a retry after an outage) is the
/// same submission and is stored once; the key replayed with other content, or at another steunpunt, is a new one.
/// Only a keyed fingerprint of a submission is stored.
/// </summary>
public static class SubmissionKeys
{
    /// <summary>A new key for a form: 128 random bits, 22 base64url characters.</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>A well-formed key (or link token): 22 base64url characters.</summary>
    public static bool LooksValid(string? key) =>
        key is { Length: 22 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>What identifies one submission: its kind, the steunpunt, the form's key and what was sent.</summary>
    public static string Submission(string kind, Guid? tenantId, string key, params string[] content) =>
        $"{kind}|{tenantId:N}|{key}|{Fingerprint.Of("submission-content", string.Join('\u001f', content))}";

    /// <summary>The fingerprint under which a submission is stored (unique per table).</summary>
    public static string Hash(string submission) => Fingerprint.Of("submission", submission);

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
