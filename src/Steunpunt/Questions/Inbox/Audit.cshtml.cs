using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Privacy;

namespace Steunpunt.Questions.Inbox;

/// <summary>The coordinator's view of the audit log: who read or changed which case, and when.</summary>
public sealed class AuditModel(SteunpuntDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "zaak")]
    public Guid? CaseId { get; set; }

    public IReadOnlyList<CaseAuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = db.CaseAudit.AsNoTracking();
        if (CaseId is { } id)
        {
            query = query.Where(a => a.CaseId == id);
        }
        Entries = await query.OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
        return Page();
    }
}
