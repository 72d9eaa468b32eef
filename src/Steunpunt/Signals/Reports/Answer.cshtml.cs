using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Web;

namespace Steunpunt.Signals.Reports;

/// <summary>
/// A board member answers a signal of their own SWV: what the board will do, and when. One answer per signal and SWV,
/// changed in place and attributed to whoever wrote it last. Staff read it in the signal register; once the signal
/// is teruggekoppeld, the action and the date show publicly as the board's answer (never the board member's name).
/// Only a board member may write here; anyone else, any other SWV's signal, and a signal not yet put before the
/// board (before "voorgelegd aan bestuur") gets a 404. Once the signal is teruggekoppeld the answer is public and
/// frozen: the page shows it read-only and a POST is refused (409). The first answer moves the signal from
/// "voorgelegd aan bestuur" to "reactie bestuur"; a signal further along keeps its status.
/// </summary>
public sealed class AnswerModel(SteunpuntDb db, TimeProvider clock) : PageModel
{
    public const int MaxActionLength = 2000;
    public const int MaxWhenLength = 100;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Action { get; set; }
        public string? When { get; set; }
    }

    public Signal? Signal { get; private set; }
    public BoardAnswer? Existing { get; private set; }
    /// <summary>The signal is teruggekoppeld: the answer is public and can no longer change.</summary>
    public bool Frozen => Signal?.Status == SignalStatus.Teruggekoppeld;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Input = new InputModel { Action = Existing?.Action, When = Existing?.When };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            return await SaveAsync(ct);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            // Also when the signal could not be read: the form comes back with what was typed.
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(string.Empty, "We konden uw antwoord nu niet bewaren. Probeer het over een paar minuten opnieuw. Uw tekst staat hieronder nog.");
            return Page();
        }
    }

    private async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Frozen)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddModelError(string.Empty, "Dit signaal is al teruggekoppeld. Uw antwoord staat op de website en kan niet meer veranderen. Wilt u iets aanvullen? Neem dan contact op met het steunpunt.");
            Input = new InputModel { Action = Existing?.Action, When = Existing?.When };
            return Page();
        }
        var action = FormGuard.Clean(Input.Action).Replace("\r\n", "\n", StringComparison.Ordinal);
        var when = FormGuard.Clean(Input.When);
        (Input.Action, Input.When) = (action, when);
        if (action.Length == 0)
        {
            ModelState.AddModelError("Input.Action", "Schrijf wat het bestuur gaat doen met dit signaal.");
        }
        else if (action.Length > MaxActionLength)
        {
            ModelState.AddModelError("Input.Action", $"Deze tekst is te lang: hoogstens {MaxActionLength} tekens. Nu zijn het er {action.Length}.");
        }
        else if (PersonalDetails.Obvious(action) is { } found)
        {
            ModelState.AddModelError("Input.Action", $"Er staat {found} in uw antwoord. Haal dat weg: dit antwoord kan op de website komen.");
        }
        if (when.Length == 0)
        {
            ModelState.AddModelError("Input.When", "Schrijf wanneer: een datum of een periode, bijvoorbeeld ‘voor de zomervakantie 2027’.");
        }
        else if (when.Length > MaxWhenLength)
        {
            ModelState.AddModelError("Input.When", $"Schrijf ‘wanneer’ korter: hoogstens {MaxWhenLength} tekens.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var swv = ReadsReportsHandler.BoardPartnership(User)!.Value;
        var answer = await db.BoardAnswers.SingleOrDefaultAsync(a => a.SignalId == Id && a.PartnershipId == swv, ct);
        if (answer is null)
        {
            answer = new BoardAnswer { SignalId = Id, PartnershipId = swv };
            db.BoardAnswers.Add(answer);
        }
        answer.Action = action;
        answer.When = when;
        answer.WrittenBy = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";
        answer.WrittenAt = clock.GetUtcNow();
        // The board has answered: a signal put before it moves on to "reactie bestuur"; one further along stays.
        var signal = await db.Signals.SingleAsync(s => s.Id == Id, ct);
        if (signal.Status == SignalStatus.VoorgelegdAanBestuur)
        {
            signal.Status = SignalStatus.ReactieBestuur;
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Signals/Reports/Report", new { bewaard = 1 });
    }

    /// <summary>The signal, when the reader is a board member, the signal is for their SWV (or for every SWV) and it
    /// has been put before the board.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (ReadsReportsHandler.BoardPartnership(User) is not { } swv)
        {
            return false;
        }
        Signal = await db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id && (s.PartnershipId == null || s.PartnershipId == swv)
            && s.Status >= SignalStatus.VoorgelegdAanBestuur, ct);
        Existing = Signal is null ? null
            : await db.BoardAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.SignalId == Id && a.PartnershipId == swv, ct);
        return Signal is not null;
    }
}
