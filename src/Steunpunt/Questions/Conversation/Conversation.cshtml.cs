using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Web;

namespace Steunpunt.Questions.Conversation;

/// <summary>
/// The person's private conversation, opened with their personal link or short code; no account. A forged or
/// mistyped secret finds nothing and counts against the address; after too many of those this hour the address
/// is told to wait (429), whatever it tries, without ever hearing that a link is wrong. Opening a real conversation
/// never counts. A reply that cannot be stored (a stale page, the database away) comes back with its text.
/// Parents read "u"; with ?voor=jongeren the page and its messages say "je".
/// </summary>
[IgnoreAntiforgeryToken] // checked by FormGuard, which keeps the reply when it fails
public sealed class ConversationModel(SteunpuntDb db, CaseWork work, AbuseLimits limits,
    FormGuard guard, TimeProvider clock, IOptions<QuestionsOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>"jongeren" for the youth form (je); anything else is the parents' form (u). The forms carry it.</summary>
    [BindProperty(SupportsGet = true, Name = "voor")]
    public string? For { get; set; }

    public bool Youth => For == "jongeren";

    /// <summary>The short code, when the conversation was opened with it (carried in the reply form).</summary>
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public string? ReplyKey { get; set; }

    /// <summary>What the conversation page shows of a case, and nothing more: no name, e-mail or phone number is
    /// read (or decrypted) to show it.</summary>
    public sealed record Shown(Guid Id, CaseStatus Status, bool AwaitingStaff, DateOnly? ReplyDueOn, DateTimeOffset? ClosedAt);

    public sealed record Message(DateTimeOffset At, bool FromStaff, string AuthorName, string Text);

    public Shown? Case { get; private set; }
    public IReadOnlyList<Message> Messages { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool Sent { get; private set; }
    /// <summary>The reply could not be stored and the conversation not be read: only the reply form, with its text.</summary>
    public bool ReplyNotStored { get; private set; }
    public int MaxLength => guard.MaxTextLength;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        NoStore();
        if (Token is null)
        {
            return Page(); // the code form
        }
        return await OpenOrExplainAsync(ct);
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        NoStore();
        Token = null;
        if (!await guard.FromThisSiteAsync(HttpContext))
        {
            ModelState.AddModelError(nameof(Code), T("Uw gesprek is nog niet geopend. Klik nog een keer op ‘Open mijn gesprek’.",
                "Je gesprek is nog niet geopend. Klik nog een keer op ‘Open mijn gesprek’."));
            return Page();
        }
        if (PersonalLink.NormaliseCode(Code ?? "") is null)
        {
            ModelState.AddModelError(nameof(Code), "Deze code klopt niet. Een code heeft 10 letters en cijfers, zoals ABCDE-FGH23.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return await OpenOrExplainAsync(ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        NoStore();
        var postedKey = SubmissionKeys.LooksValid(ReplyKey) ? ReplyKey! : SubmissionKeys.New();
        var text = FormGuard.Clean(Reply);
        try
        {
            var opened = await OpenAsync(ct);
            if (Case is null)
            {
                // Refused (too many tries from this address, an unknown or expired link): the reply stays on the page.
                if (text.Length > 0)
                {
                    ReplyNotStored = true;
                    ReplyKey = postedKey;
                    ModelState.AddModelError(nameof(Reply), $"{Problem} {T("Uw reactie is niet verstuurd. Uw tekst staat hieronder nog.", "Je reactie is niet verstuurd. Je tekst staat hieronder nog.")}");
                }
                return opened;
            }
            if (!await guard.FromThisSiteAsync(HttpContext))
            {
                ModelState.AddModelError(nameof(Reply), T("Uw reactie is nog niet verstuurd. Uw tekst staat er nog. Klik nog een keer op ‘Verstuur uw reactie’.",
                    "Je reactie is nog niet verstuurd. Je tekst staat er nog. Klik nog een keer op ‘Verstuur je reactie’."));
            }
            else if (text.Length == 0)
            {
                ModelState.AddModelError(nameof(Reply), T("Schrijf uw reactie in het vak.", "Schrijf je reactie in het vak."));
            }
            else if (text.Length > MaxLength)
            {
                ModelState.AddModelError(nameof(Reply), T(
                    $"Uw reactie is te lang: hoogstens {MaxLength} tekens. Nu zijn het er {text.Length}. Maak hem korter. Uw tekst staat er nog.",
                    $"Je reactie is te lang: hoogstens {MaxLength} tekens. Nu zijn het er {text.Length}. Maak hem korter. Je tekst staat er nog."));
            }
            if (!ModelState.IsValid)
            {
                ReplyKey = postedKey;
                if (Response.StatusCode == StatusCodes.Status200OK)
                {
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                }
                return Page();
            }
            await work.RequesterReplyAsync(Case.Id, postedKey, text, ct);
            Reply = null;
            ReplyKey = null; // a new form, a new key
            ModelState.Clear();
            Sent = true;
            return await OpenAsync(ct);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            // Not stored; the person gets the reply form back with what they wrote.
            Case = null;
            ReplyNotStored = true;
            ReplyKey = postedKey;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(nameof(Reply), FormGuard.NotStoredNow(Youth));
            return Page();
        }
    }


    private async Task<IActionResult> OpenAsync(CancellationToken ct)
    {
        if (await limits.LookupsExhaustedAsync(HttpContext, ct))
        {
            // Whatever is tried now, valid or not, gets the same answer: no way to learn which secrets are real.
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Problem = "Vanaf dit adres is het te vaak geprobeerd. Probeer het over een uur opnieuw.";
            if (Token is null)
            {
                ModelState.AddModelError(nameof(Code), Problem);
            }
            return Page();
        }
        var found = Token is not null
            ? SubmissionKeys.LooksValid(Token) && PersonalLink.LinkHash(Token) is var link
                ? await Project(db.Cases.Where(c => c.LinkHash == link)).SingleOrDefaultAsync(ct)
                : null
            : PersonalLink.CodeHash(Code ?? "") is { } code
                ? await Project(db.Cases.Where(c => c.CodeHash == code)).FirstOrDefaultAsync(ct)
                : null;
        if (found is null)
        {
            await limits.RecordFailedLookupAsync(HttpContext, ct);
            Response.StatusCode = StatusCodes.Status404NotFound;
            Problem = Token is not null
                ? T("Deze link werkt niet. Kijk of u de hele link heeft overgenomen. Lukt het niet? Stel uw vraag opnieuw of bel ons.",
                    "Deze link werkt niet. Kijk of je de hele link hebt overgenomen. Lukt het niet? Stel je vraag opnieuw of bel ons.")
                : T("We vinden geen gesprek met deze code. Kijk of u de code goed heeft overgenomen.",
                    "We vinden geen gesprek met deze code. Kijk of je de code goed hebt overgenomen.");
            if (Token is null)
            {
                ModelState.AddModelError(nameof(Code), Problem);
            }
            return Page();
        }
        if (found.ClosedAt is { } closed && clock.GetUtcNow() > closed.AddDays(options.Value.LinkDaysAfterClose))
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            var on = Dutch.Date(WorkingDays.DutchDate(closed));
            Problem = T($"Deze link werkt niet meer. Uw gesprek is afgesloten op {on}. Heeft u een nieuwe vraag? Stel hem gerust opnieuw.",
                $"Deze link werkt niet meer. Je gesprek is afgesloten op {on}. Heb je een nieuwe vraag? Stel hem gerust opnieuw.");
            return Page();
        }
        Case = found;
        Messages = await db.CaseMessages.Where(m => m.CaseId == found.Id).OrderBy(m => m.At)
            .Select(m => new Message(m.At, m.FromStaff, m.AuthorName, m.Text)).ToListAsync(ct);
        ReplyKey ??= SubmissionKeys.New();
        return Page();
    }

    private async Task<IActionResult> OpenOrExplainAsync(CancellationToken ct)
    {
        try
        {
            return await OpenAsync(ct);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            Case = null;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Problem = T("We kunnen uw gesprek nu even niet openen. Dat ligt niet aan u. Probeer het over een paar minuten opnieuw.",
                "We kunnen je gesprek nu even niet openen. Dat ligt niet aan jou. Probeer het over een paar minuten opnieuw.");
            if (Token is null)
            {
                ModelState.AddModelError(nameof(Code), Problem);
            }
            return Page();
        }
    }

    private static IQueryable<Shown> Project(IQueryable<SupportCase> cases) =>
        cases.Select(c => new Shown(c.Id, c.Status, c.AwaitingStaff, c.ReplyDueOn, c.ClosedAt));

    private void NoStore() => Response.Headers.CacheControl = "no-store";

    /// <summary>The parents' page says "u", the youth page "je".</summary>
    private string T(string u, string je) => Youth ? je : u;
}
