using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Steunpunt.Web;

/// <summary>
/// The guards of the anonymous forms (questions, stories, replies): the antiforgery check, a honeypot, a minimum fill
/// time and the per-address limit. A refusal never loses what was typed: the caller shows the same form again, with
/// a plain-Dutch message and fresh guard fields. These pages opt out of the automatic antiforgery filter, which would
/// answer a bare 400 and drop the text, and check here instead.
/// </summary>
public sealed partial class FormGuard(IDataProtectionProvider protection, IAntiforgery antiforgery, TimeProvider clock,
    IOptions<FormLimitsOptions> options, AbuseLimits limits, ILogger<FormGuard> logger)
{
    /// <summary>Shown with the form, its text kept, when the database could not store it just now; "u" for parents,
    /// "je" for youth.</summary>
    public static string NotStoredNow(bool youth) => youth
        ? "We konden je bericht nu niet bewaren. Probeer het over een paar minuten opnieuw. Je tekst staat hieronder nog."
        : "We konden uw bericht nu niet bewaren. Probeer het over een paar minuten opnieuw. Uw tekst staat hieronder nog.";

    /// <summary>The longest text an anonymous form takes.</summary>
    public int MaxTextLength => options.Value.MaxTextLength;

    /// <summary>The guard fields an anonymous form carries.</summary>
    public interface IGuarded
    {
        /// <summary>The honeypot: hidden from people, filled by bots.</summary>
        string? Website { get; set; }
        /// <summary>The protected stamp of when the form was opened.</summary>
        string? Started { get; set; }
    }

    /// <summary>
    /// The antiforgery check, the honeypot, the minimum fill time and the per-address limit, in that order. Returns
    /// null when the form may be stored; otherwise a plain-Dutch message for the form after resetting the guard fields
    /// and setting the status (400, or 429 for the limit). <paramref name="what"/> is "uw vraag" or "je verhaal" (the
    /// reader's form of address, <paramref name="youth"/> for "je"); <paramref name="button"/> the submit button's text.
    /// </summary>
    public async Task<string?> RefuseAsync(HttpContext context, IGuarded form, string what, string button, bool youth, CancellationToken ct)
    {
        var again = $"{char.ToUpperInvariant(what[0])}{what[1..]} is nog niet verstuurd. Kijk het nog even na en klik dan nog een keer op ‘{button}’.";
        if (!await FromThisSiteAsync(context))
        {
            form.Started = NewStamp();
            return again;
        }
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
        if (!await limits.TrySubmitAsync(context, ct))
        {
            LogRefused(logger, "rate limit");
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return $"Er zijn vanaf deze telefoon of computer veel berichten kort na elkaar gestuurd. {char.ToUpperInvariant(what[0])}{what[1..]} is nog niet verstuurd, maar {(youth ? "je" : "uw")} tekst staat hieronder nog. Probeer het over een uur opnieuw.";
        }
        return null;
    }

    /// <summary>The antiforgery check for a form that must keep its text when it fails: a page that stood open for
    /// hours, a browser that lost its cookie. A new token goes out with the form drawn again.</summary>
    public async Task<bool> FromThisSiteAsync(HttpContext context)
    {
        if (await antiforgery.IsRequestValidAsync(context))
        {
            return true;
        }
        LogRefused(logger, "antiforgery");
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
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

    /// <summary>One line of text (a name, a title): <see cref="Clean"/>, with line breaks and tabs as single spaces, so
    /// it cannot break a mail subject or a header.</summary>
    public static string Line(string? text) =>
        string.Join(' ', Clean(text).Split(['\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>An e-mail address as typed, when it is one bare address ("naam@school.nl"), not a display name with an
    /// address in brackets or a list; null otherwise. What is fingerprinted and mailed is then exactly what was checked.</summary>
    public static string? BareEmail(string? typed)
    {
        var text = (typed ?? "").Trim();
        return text.Length is > 0 and <= 200 && MimeKit.MailboxAddress.TryParse(text, out var parsed) && string.IsNullOrEmpty(parsed.Name)
            && string.Equals(parsed.Address, text, StringComparison.Ordinal) && !text.Any(c => char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>')
            ? text : null;
    }

    /// <summary>Keeps what people write (emoji, right-to-left text, line breaks) and drops invisible control
    /// characters that only break display.</summary>
    public static string Clean(string? text) =>
        new string([.. (text ?? "").Replace("\r\n", "\n").Where(c => c is '\n' or '\t' || !char.IsControl(c))]).Trim();
}
