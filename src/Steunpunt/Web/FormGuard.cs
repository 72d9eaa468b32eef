using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Steunpunt.Questions;

namespace Steunpunt.Web;

/// <summary>
/// The minimum fill time of the anonymous forms (questions, stories): the form carries a protected stamp of when it
/// was opened, and a form sent back sooner than a person could is refused (with the text kept) and re-stamped.
/// </summary>
public sealed partial class FormGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<QuestionsOptions> options,
    AbuseLimits limits, ILogger<FormGuard> logger)
{
    /// <summary>The guard fields an anonymous form carries.</summary>
    public interface IGuarded
    {
        /// <summary>The honeypot: hidden from people, filled by bots.</summary>
        string? Website { get; set; }
        /// <summary>The protected stamp of when the form was opened.</summary>
        string? Started { get; set; }
    }

    /// <summary>
    /// The honeypot, the minimum fill time and the per-address limit, in that order. Returns null when the form may be
    /// stored; otherwise a plain-Dutch message for the form (the caller shows the same form again with the text kept)
    /// after resetting the guard fields and, for the limit, setting 429. <paramref name="what"/> is "je vraag" or
    /// "je verhaal"; <paramref name="button"/> the submit button's text.
    /// </summary>
    public string? Refuse(HttpContext context, IGuarded form, string what, string button)
    {
        var again = $"{char.ToUpperInvariant(what[0])}{what[1..]} is nog niet verstuurd. Kijk het nog even na en klik dan nog een keer op ‘{button}’.";
        if (!string.IsNullOrEmpty(form.Website))
        {
            // Almost always a bot; a person whose browser filled the field gets the form back and can send it.
            LogRefused(logger, "honeypot");
            form.Website = null;
            return again;
        }
        if (!FilledSlowlyEnough(form.Started))
        {
            LogRefused(logger, "too fast");
            form.Started = NewStamp();
            return again;
        }
        if (!limits.TrySubmit(context))
        {
            LogRefused(logger, "rate limit");
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return $"Er zijn vanaf dit adres veel berichten kort na elkaar gestuurd. {char.ToUpperInvariant(what[0])}{what[1..]} is nog niet verstuurd, maar je tekst staat hieronder nog. Probeer het over een uur opnieuw.";
        }
        return null;
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Anonymous form refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

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
