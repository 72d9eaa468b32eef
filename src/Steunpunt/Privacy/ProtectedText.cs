using System.Security.Cryptography;
using System.Text;

namespace Steunpunt.Privacy;

/// <summary>Marks a text property whose value is encrypted at rest. A feature marks it and does nothing else.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfidentialAttribute : Attribute;

/// <summary>
/// Encrypts confidential text with AES-GCM under a key kept outside the database (a key file, or configuration
/// for scale-out). Each value is bound to where it belongs (associated data: entity, property and the row's key), so
/// a ciphertext copied into another row or column does not open. Stored as "p2:" + base64(nonce | tag | ciphertext).
/// EF Core caches one model per context type for the whole process, so the key is process-wide too: one process
/// serves one installation.
/// </summary>
public static class ProtectedText
{
    private const string Prefix = "p2:";
    // Written before values were bound to their row; read only to re-encrypt them (ConfidentialColumns.UpgradeAsync).
    private const string LegacyPrefix = "p1:";
    private static byte[]? s_key;

    public static void UseKey(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new InvalidOperationException("The confidential-text key must be 32 bytes (256 bits).");
        }
        var previous = Interlocked.CompareExchange(ref s_key, key, null);
        if (previous is not null && !CryptographicOperations.FixedTimeEquals(previous, key))
        {
            throw new InvalidOperationException("This process already protects text with another key; one process serves one installation.");
        }
    }

    private static byte[] Key => s_key ?? throw new InvalidOperationException("No key for confidential text: AddPrivacy() sets it on start.");

    /// <summary>A key for another purpose, derived from the confidential-text key (HKDF), so one secret outside the
    /// database protects everything.</summary>
    public static byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Key, 32, info: Encoding.UTF8.GetBytes(purpose));

    public static bool IsCurrent(string? stored) => stored is null || stored.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Protect(string plain, string boundTo) => Prefix + Convert.ToBase64String(Seal(Key, Encoding.UTF8.GetBytes(plain), boundTo));

    public static string Unprotect(string stored, string boundTo)
    {
        if (stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetString(Open(Key, Convert.FromBase64String(stored[Prefix.Length..]), boundTo));
        }
        throw new CryptographicException("A confidential value is not in the protected format.");
    }

    /// <summary>Reads a value written before values were bound to their row ("p1:"), or plain text in a column that
    /// became confidential later. Only the upgrade on start uses this; it writes the value back bound to its row.</summary>
    internal static string UnprotectLegacy(string stored) =>
        stored.StartsWith(LegacyPrefix, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Open(Key, Convert.FromBase64String(stored[LegacyPrefix.Length..]), boundTo: null))
            : stored;

    /// <summary>AES-GCM: nonce (12) | tag (16) | ciphertext.</summary>
    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plain, string? boundTo)
    {
        var output = new byte[12 + 16 + plain.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, output.AsSpan(28), output.AsSpan(12, 16), boundTo is null ? null : Encoding.UTF8.GetBytes(boundTo));
        return output;
    }

    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedBytes, string? boundTo)
    {
        if (sealedBytes.Length < 28)
        {
            throw new CryptographicException("A confidential value is too short.");
        }
        var plain = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedBytes[..12], sealedBytes[28..], sealedBytes[12..28], plain, boundTo is null ? null : Encoding.UTF8.GetBytes(boundTo));
        return plain;
    }
}

/// <summary>
/// Keyed one-way fingerprints (HMAC-SHA256 under a key derived from the confidential-text key) for secrets that are
/// looked up but never stored: personal-link tokens, short codes, submission keys, addresses counted for the limits.
/// A stolen database alone does not allow guessing a short code offline.
/// </summary>
public static class Fingerprint
{
    public static string Of(string purpose, string secret) => Convert.ToHexStringLower(Bytes(purpose, secret));

    // One derived key per purpose; the process has one confidential-text key (see ProtectedText.UseKey).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> s_keys = new();

    public static byte[] Bytes(string purpose, string secret)
    {
        var key = s_keys.GetOrAdd(purpose, p => ProtectedText.DeriveKey("fingerprint:" + p));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(secret));
    }
}
