using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Steunpunt.Privacy;

/// <summary>Marks a text property whose value is encrypted at rest. A feature marks it and does nothing else.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfidentialAttribute : Attribute;

/// <summary>
/// Encrypts confidential text with AES-GCM under a key kept outside the database (a key file, or configuration
/// for scale-out). Stored as "p1:" + base64(nonce | tag | ciphertext). EF Core caches one model per context
/// type for the whole process, so the key is process-wide too: one process serves one installation.
/// </summary>
public static class ProtectedText
{
    private const string Prefix = "p1:";
    private static byte[]? s_key;

    public static readonly ValueConverter<string, string> Converter = new(v => Protect(v), v => Unprotect(v));

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

    internal static byte[] KeyForDerivation => Key;

    public static string Protect(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + 16 + data.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key, 16);
        aes.Encrypt(nonce, data, output.AsSpan(28), output.AsSpan(12, 16));
        return Prefix + Convert.ToBase64String(output);
    }

    public static string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("A confidential value is not in the protected format.");
        }
        var input = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[input.Length - 28];
        using var aes = new AesGcm(Key, 16);
        aes.Decrypt(input.AsSpan(0, 12), input.AsSpan(28), input.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }
}

/// <summary>
/// Keyed one-way fingerprints (HMAC-SHA256 under a key derived from the confidential-text key) for secrets that are
/// looked up but never stored: personal-link tokens, short codes, submission keys. A stolen database alone does not
/// allow guessing a short code offline.
/// </summary>
public static class Fingerprint
{
    public static string Of(string purpose, string secret) => Convert.ToHexStringLower(Bytes(purpose, secret));

    // One derived key per purpose; the process has one confidential-text key (see ProtectedText.UseKey).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> s_keys = new();

    public static byte[] Bytes(string purpose, string secret)
    {
        var key = s_keys.GetOrAdd(purpose, p => HKDF.DeriveKey(HashAlgorithmName.SHA256, ProtectedText.KeyForDerivation, 32, info: Encoding.UTF8.GetBytes("fingerprint:" + p)));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(secret));
    }
}
