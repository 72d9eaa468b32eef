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

    /// <summary>Waits (up to 15 s) for a mail to the given address and returns it.</summary>
    public static async Task<MimeMessage> WaitForAsync(string folder, string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder))
                {
                    MimeMessage message;
                    try
                    {
                        message = await MimeMessage.LoadAsync(file);
                    }
                    catch (IOException)
                    {
                        continue; // still being written
                    }
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                    {
                        return message;
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} arrived within 15 seconds.");
    }
}
