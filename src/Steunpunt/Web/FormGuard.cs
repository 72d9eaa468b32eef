using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Steunpunt.Questions;

namespace Steunpunt.Web;

/// <summary>
/// The minimum fill time of the anonymous forms (questions, stories): the form carries a protected stamp of when it
/// was opened, and a form sent back sooner than a person could is refused (with the text kept) and re-stamped.
/// </summary>
public sealed class FormGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<QuestionsOptions> options)
{
    private IDataProtector Stamps => protection.CreateProtector("Web.FormGuard.Opened");

    public string NewStamp() => Stamps.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the form was opened long enough ago; a missing or forged stamp counts as too fast.</summary>
    public bool FilledSlowlyEnough(string? stamp)
    {
        try
        {
            var opened = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Stamps.Unprotect(stamp ?? ""), CultureInfo.InvariantCulture));
            return clock.GetUtcNow() - opened >= TimeSpan.FromSeconds(options.Value.MinimumFillSeconds);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Keeps what people write (emoji, right-to-left text, line breaks) and drops invisible control
    /// characters that only break display.</summary>
    public static string Clean(string? text) =>
        new string([.. (text ?? "").Replace("\r\n", "\n").Where(c => c is '\n' or '\t' || !char.IsControl(c))]).Trim();
}
