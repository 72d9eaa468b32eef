using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Questions.Conversation;

/// <summary>
/// The person's private conversation, opened with their personal link or short code; no account. A forged or
/// mistyped secret finds nothing (and counts against the address's lookup limit); an old one is told it expired.
/// </summary>
public sealed class ConversationModel(SteunpuntDb db, CurrentTenant tenant, ReplyClock replyClock, AbuseLimits limits,
    TimeProvider clock, IOptions<QuestionsOptions> options, ILogger<ConversationModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>The short code, when the conversation was opened with it (carried in the reply form).</summary>
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public string? ReplyKey { get; set; }

    public SupportCase? Case { get; private set; }
    public IReadOnlyList<CaseMessage> Messages { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool Sent { get; private set; }
    public int MaxLength => options.Value.MaxTextLength;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return NotFound();
        }
        NoStore();
        if (Token is null)
        {
            return Page(); // the code form
        }
        return await OpenAsync(ct);
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return NotFound();
        }
        NoStore();
        Token = null;
        if (PersonalLink.NormaliseCode(Code ?? "") is null)
        {
            ModelState.AddModelError(nameof(Code), "Deze code klopt niet. Een code heeft 10 letters en cijfers, zoals ABCDE-FGH23.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return await OpenAsync(ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return NotFound();
        }
        NoStore();
        var postedKey = ReplyKey;
        var opened = await OpenAsync(ct);
        if (Case is null)
        {
            return opened;
        }
        var text = FormGuard.Clean(Reply);
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(Reply), "Schrijf je reactie in het vak.");
        }
        else if (text.Length > MaxLength)
        {
            ModelState.AddModelError(nameof(Reply), $"Je reactie is te lang: hoogstens {MaxLength} tekens. Nu zijn het er {text.Length}. Maak hem korter; je tekst staat er nog.");
        }
        if (!ModelState.IsValid)
        {
            ReplyKey = postedKey;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var replyHash = PersonalLink.SubmissionHash("reply:" + (postedKey ?? PersonalLink.NewSubmissionKey()));
        if (!await db.CaseMessages.AnyAsync(m => m.CaseId == Case.Id && m.SubmissionHash == replyHash, ct))
        {
            var now = clock.GetUtcNow();
            var tracked = await db.Cases.SingleAsync(c => c.Id == Case.Id, ct);
            db.CaseMessages.Add(new CaseMessage { CaseId = tracked.Id, At = now, Text = text, SubmissionHash = replyHash });
            tracked.AwaitingStaff = true;
            tracked.ReplyDueOn = await replyClock.DueOnAsync(now, ct);
            tracked.LastActivityAt = now;
            if (tracked.Status == CaseStatus.Closed)
            {
                tracked.Status = CaseStatus.Open;
                tracked.ClosedAt = null;
            }
            db.CaseAudit.Add(new CaseAuditEntry { CaseId = tracked.Id, At = now, UserName = "vraagsteller", Action = CaseAction.ReactieOntvangen });
            try
            {
                await db.SaveChangesAsync(ct);
                QuestionsLog.RequesterReplied(logger, tracked.Id);
            }
            catch (DbUpdateException)
            {
                // The same reply arrived twice at once and the other request stored it: nothing is lost.
                if (!await ReplyStoredAsync(replyHash))
                {
                    throw;
                }
            }
        }
        Reply = null;
        ModelState.Clear();
        Sent = true;
        return await OpenAsync(ct);
    }

    private async Task<bool> ReplyStoredAsync(string replyHash)
    {
        db.ChangeTracker.Clear();
        return await db.CaseMessages.AnyAsync(m => m.SubmissionHash == replyHash);
    }

    private async Task<IActionResult> OpenAsync(CancellationToken ct)
    {
        string? hash;
        SupportCase? found = null;
        if (Token is not null)
        {
            hash = PersonalLink.LooksLikeToken(Token) ? PersonalLink.LinkHash(Token) : null;
            if (hash is not null && limits.TryLookup(HttpContext))
            {
                found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.LinkHash == hash, ct);
            }
        }
        else
        {
            hash = PersonalLink.CodeHash(Code ?? "");
            if (hash is not null && limits.TryLookup(HttpContext))
            {
                found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == hash, ct);
            }
        }
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Problem = Token is not null
                ? "Deze link werkt niet. Kijk of je de hele link hebt overgenomen. Lukt het niet? Stel je vraag opnieuw of bel ons."
                : "We vinden geen gesprek met deze code. Kijk of je de code goed hebt overgenomen.";
            if (Token is null)
            {
                ModelState.AddModelError(nameof(Code), Problem);
            }
            return Page();
        }
        if (found.ClosedAt is { } closed && clock.GetUtcNow() > closed.AddDays(options.Value.LinkDaysAfterClose))
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            Problem = $"Deze link werkt niet meer. Je gesprek is afgesloten op {Dutch.Date(WorkingDays.DutchDate(closed))}. Heb je een nieuwe vraag? Stel hem gerust opnieuw.";
            return Page();
        }
        Case = found;
        Messages = await db.CaseMessages.AsNoTracking().Where(m => m.CaseId == found.Id).OrderBy(m => m.At).ToListAsync(ct);
        ReplyKey = PersonalLink.NewSubmissionKey();
        return Page();
    }

    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
