using MimeKit;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>
/// Mail as it arrived: test.sh starts a real SMTP server (aiosmtpd) on loopback that writes each mail to a maildir
/// (TEST_SMTP_PORT, TEST_MAILDIR). Without it (a quick local run) the app writes its pickup folder and the same
/// reading applies. In CI the SMTP server must be there.
/// </summary>
public static class Mailbox
{
    public static int? SmtpPort =>
        int.TryParse(Environment.GetEnvironmentVariable("TEST_SMTP_PORT"), out var port) ? port : Ci ? throw new InvalidOperationException("CI=true but TEST_SMTP_PORT is not set: the test SMTP server is missing.") : null;

    public static string? Folder => Environment.GetEnvironmentVariable("TEST_MAILDIR") is { Length: > 0 } dir ? Path.Combine(dir, "new") : null;

    private static bool Ci => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The maildir's mails read so far, by file: a maildir file is complete once it is in "new" (the SMTP server
    /// writes it in "tmp" and moves it), so each file is read from disk once, however many mails a long run collects.
    /// The bytes are kept, not the parsed message: a <see cref="MimeMessage"/> is not safe to share between threads (two
    /// tests that looked through the same cached messages at once failed with "Collection was modified"), so every call
    /// parses its own copies.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> s_read = new();

    /// <summary>Every mail in the folder now (a mail still being written to a pickup folder is left out), each a new
    /// object of the caller's own.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> AllAsync(string folder)
    {
        var mails = new List<MimeMessage>();
        if (!Directory.Exists(folder))
        {
            return mails;
        }
        var complete = folder == Folder;
        foreach (var file in Directory.GetFiles(folder))
        {
            if (!s_read.TryGetValue(file, out var bytes))
            {
                try
                {
                    bytes = await File.ReadAllBytesAsync(file);
                }
                catch (IOException)
                {
                    continue; // still being written
                }
            }
            MimeMessage message;
            try
            {
                message = await MimeMessage.LoadAsync(new MemoryStream(bytes, writable: false));
            }
            catch (FormatException) when (!complete)
            {
                continue; // a pickup file caught half written
            }
            if (complete)
            {
                s_read[file] = bytes;
            }
            mails.Add(message);
        }
        return mails;
    }

    /// <summary>Waits (up to 15 s) for a mail to the given address and returns it.</summary>
    public static async Task<MimeMessage> WaitForAsync(string folder, string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if ((await AllAsync(folder)).FirstOrDefault(message =>
                    message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} arrived within 15 seconds.");
    }
}
