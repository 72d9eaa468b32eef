using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Questions.Inbox;

/// <summary>The steunpunt's inbox: lists show who asked, when, about what and by when, never what was written
/// (that is read, and logged, on the case page).</summary>
public sealed class IndexModel(SteunpuntDb db, ReplyClock replyClock) : PageModel
{
    public static readonly (string Key, string Label)[] Lists =
    [
        ("nieuw", "Nieuw"),
        ("mijn", "Aan mij toegewezen"),
        ("wacht", "Wacht op reactie"),
        ("overtijd", "Over tijd"),
        ("afgerond", "Afgerond"),
    ];

    [BindProperty(SupportsGet = true, Name = "lijst")]
    public string List { get; set; } = "nieuw";

    /// <summary>Exactly what the list shows: no name, address, phone or text is read or decrypted for it.</summary>
    public sealed record Row(Guid Id, DateTimeOffset ReceivedAt, RequesterRole RequesterRole, bool YouthUnder16, Channel Channel,
        ThemeSet ThemeCodes, CaseStatus Status, bool AwaitingStaff, DateOnly? ReplyDueOn, string AssignedToName);

    public IReadOnlyList<Row> Cases { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Lists.Any(l => l.Key == List))
        {
            return NotFound();
        }
        Today = replyClock.Today;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var counts = new Dictionary<string, int>();
        foreach (var (key, _) in Lists)
        {
            counts[key] = await Filter(key, me).CountAsync(ct);
        }
        Counts = counts;
        var query = Filter(List, me);
        Cases = await (List == "afgerond" ? query.OrderByDescending(c => c.ClosedAt) : query.OrderBy(c => c.ReplyDueOn).ThenBy(c => c.ReceivedAt))
            .Take(200)
            .Select(c => new Row(c.Id, c.ReceivedAt, c.RequesterRole, c.YouthUnder16, c.Channel, c.ThemeCodes, c.Status, c.AwaitingStaff, c.ReplyDueOn, c.AssignedToName))
            .ToListAsync(ct);
        return Page();
    }

    private IQueryable<SupportCase> Filter(string list, string me)
    {
        var open = db.Cases.Where(c => c.Status == CaseStatus.Open);
        return list switch
        {
            "mijn" => open.Where(c => c.AssignedToId == me),
            "wacht" => open.Where(c => !c.AwaitingStaff),
            "overtijd" => open.Where(c => c.AwaitingStaff && c.ReplyDueOn < Today),
            "afgerond" => db.Cases.Where(c => c.Status == CaseStatus.Closed),
            _ => open.Where(c => c.AssignedToId == null),
        };
    }
}
