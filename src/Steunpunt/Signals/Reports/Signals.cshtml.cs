using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;

namespace Steunpunt.Signals.Reports;

/// <summary>The signal register as the board reads it: de-identified texts and counts, never a case or a story.</summary>
public sealed class SignalsModel(SteunpuntDb db, Microsoft.Extensions.Options.IOptions<SignalsOptions> options) : PageModel
{
    public int Threshold => options.Value.SmallCellThreshold;

    public IReadOnlyList<(Signal Signal, int Contacts, int Stories)> Signals { get; private set; } = [];

    /// <summary>The answers of the reader's board (a board member) per signal id.</summary>
    public IReadOnlyDictionary<Guid, BoardAnswer> Answers { get; private set; } = new Dictionary<Guid, BoardAnswer>();

    /// <summary>A board member reads the signals' texts here; their counts only in a published report, so that a count
    /// moving by one between two visits never points at a new contact.</summary>
    public bool IsBoard { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var board = ReadsReportsHandler.BoardPartnership(User);
        IsBoard = board is not null;
        var rows = await db.Signals.AsNoTracking()
            .Where(s => board == null || s.PartnershipId == null || s.PartnershipId == board)
            .OrderBy(s => s.Status).ThenByDescending(s => s.UpdatedAt)
            .Select(s => new { Signal = s, Contacts = s.Links.Count(l => l.CaseId != null), Stories = s.Links.Count(l => l.StoryId != null) })
            .ToListAsync(ct);
        Signals = [.. rows.Select(r => (r.Signal, r.Contacts, r.Stories))];
        if (board is { } own)
        {
            Answers = await db.BoardAnswers.AsNoTracking().Where(a => a.PartnershipId == own).ToDictionaryAsync(a => a.SignalId, ct);
        }
    }
}
