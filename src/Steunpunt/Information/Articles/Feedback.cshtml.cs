using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Data;
using Steunpunt.Web;

namespace Steunpunt.Information.Articles;

/// <summary>
/// "Was dit nuttig?" under every article. The article page is output-cached for everyone, so its ja/nee form carries no
/// antiforgery token (a token belongs to one visitor's cookie, and a response that sets a cookie is not cached at all);
/// it posts here. An answer changes only a count: it is guarded by a honeypot and the per-address limit. After "nee"
/// this uncached page asks "Wat miste u?" (parents) or "Wat miste je?" (youth) with a full FormGuard (antiforgery,
/// honeypot, fill time, limit), which keeps the text when it refuses, and refuses a text with an e-mail address,
/// phone number or BSN in it. Nothing about the reader is stored: no address, cookie, account or exact time.
/// </summary>
[IgnoreAntiforgeryToken] // the answer comes from a cached page without a token; FormGuard checks the text form
public sealed class FeedbackModel(InformationCatalog catalog, ArticleVotes votes, FormGuard guard, AbuseLimits limits,
    IDataProtectionProvider protection, LastKnown lastKnown) : PageModel
{
    public Article Article { get; private set; } = null!;
    public bool Youth => Article.Audience == Audience.Jongeren;

    /// <summary>True once the answer (and any text) is stored: the page says thank you.</summary>
    public bool Thanks { get; private set; }

    /// <summary>Why the answer was not stored, when it was not (the limit, an outage).</summary>
    public string? NotStored { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel : FormGuard.IGuarded
    {
        /// <summary>The stored "nee", protected, so a text can only be added to an answer this reader just gave.</summary>
        public string? Vote { get; set; }
        public string? Missed { get; set; }
        public string? Website { get; set; }
        public string? Started { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, string? stem, bool bedankt, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await FindAsync(slug, ct))
        {
            return NotFound();
        }
        if (bedankt)
        {
            Thanks = true;
            return Page();
        }
        if (VoteId(stem) is null)
        {
            return RedirectToPage("/Information/Articles/Article", new { slug });
        }
        (Input.Vote, Input.Started) = (stem, guard.NewStamp());
        return Page();
    }

    /// <summary>The ja/nee buttons under the article.</summary>
    public async Task<IActionResult> OnPostAsync(string slug, string? antwoord, string? website, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await FindAsync(slug, ct) || antwoord is not ("ja" or "nee"))
        {
            return NotFound();
        }
        if (!string.IsNullOrEmpty(website))
        {
            // Almost always a bot: it is thanked, and nothing is counted.
            return RedirectToPage(new { slug, bedankt = true });
        }
        try
        {
            if (!await limits.TryVoteAsync(HttpContext, ct))
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                NotStored = T("Er zijn vanaf deze telefoon of computer veel antwoorden kort na elkaar gegeven. Uw antwoord is niet bewaard. Probeer het over een uur opnieuw.",
                    "Er zijn vanaf deze telefoon of computer veel antwoorden kort na elkaar gegeven. Je antwoord is niet bewaard. Probeer het over een uur opnieuw.");
                return Page();
            }
            var id = await votes.VoteAsync(Article.Id, antwoord == "ja", ct);
            return antwoord == "ja"
                ? RedirectToPage(new { slug, bedankt = true })
                : RedirectToPage(new { slug, stem = Protector.Protect(id.ToString("N"), TimeSpan.FromDays(1)) });
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            NotStored = T("We konden uw antwoord nu niet bewaren. Probeer het over een paar minuten opnieuw.",
                "We konden je antwoord nu niet bewaren. Probeer het over een paar minuten opnieuw.");
            return Page();
        }
    }

    /// <summary>"Wat miste u?": optional; an empty text just says thank you.</summary>
    public async Task<IActionResult> OnPostMissedAsync(string slug, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await FindAsync(slug, ct))
        {
            return NotFound();
        }
        var text = FormGuard.Clean(Input.Missed);
        if (text.Length == 0)
        {
            return RedirectToPage(new { slug, bedankt = true });
        }
        if (VoteId(Input.Vote) is not { } voteId)
        {
            ModelState.AddModelError("Input.Missed", T(
                "Dit formulier is te oud. Kopieer uw tekst, ga terug naar de pagina en klik nog een keer op ‘Nee’.",
                "Dit formulier is te oud. Kopieer je tekst, ga terug naar de pagina en klik nog een keer op ‘Nee’."));
            return FormAgain();
        }
        if (text.Length > ArticleFeedback.MaxMissedLength)
        {
            ModelState.AddModelError("Input.Missed", T(
                $"Uw tekst is te lang: hoogstens {ArticleFeedback.MaxMissedLength} tekens. Nu zijn het er {text.Length}. Maak hem korter.",
                $"Je tekst is te lang: hoogstens {ArticleFeedback.MaxMissedLength} tekens. Nu zijn het er {text.Length}. Maak hem korter."));
        }
        else if (Privacy.PersonalDetails.Obvious(text) is { } found)
        {
            ModelState.AddModelError("Input.Missed", T(
                $"Er staat {found} in uw tekst. Haal dat weg: wij vragen hier geen persoonlijke gegevens en schrijven niet terug. Wilt u antwoord? Stel dan uw vraag aan het steunpunt.",
                $"Er staat {found} in je tekst. Haal dat weg: we vragen hier geen persoonlijke gegevens en schrijven niet terug. Wil je antwoord? Stel dan je vraag aan het steunpunt."));
        }
        if (!ModelState.IsValid)
        {
            return FormAgain();
        }
        try
        {
            if (await guard.RefuseAsync(HttpContext, Input, T("uw tekst", "je tekst"), "Verstuur", Youth, ct) is { } refusal)
            {
                ModelState.AddModelError(string.Empty, refusal);
                return FormAgain();
            }
            if (!await votes.AddMissedAsync(voteId, Article.Id, text, ct))
            {
                return NotFound();
            }
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(string.Empty, FormGuard.NotStoredNow(Youth));
            return FormAgain();
        }
        return RedirectToPage(new { slug, bedankt = true });
    }

    /// <summary>The parents' page says "u", the youth page "je".</summary>
    public string T(string u, string je) => Youth ? je : u;

    private PageResult FormAgain()
    {
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Input.Started ??= guard.NewStamp();
        return Page();
    }

    private async Task<bool> FindAsync(string slug, CancellationToken ct)
    {
        if (await catalog.ArticleAsync(slug, ct) is not { } article)
        {
            return false;
        }
        Article = article;
        return true;
    }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Information.ArticleFeedback.Vote").ToTimeLimitedDataProtector();

    private Guid? VoteId(string? protectedId)
    {
        try
        {
            return Guid.TryParseExact(Protector.Unprotect(protectedId ?? ""), "N", out var id) ? id : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
