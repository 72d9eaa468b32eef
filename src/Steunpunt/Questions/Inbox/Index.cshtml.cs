using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Tenancy;

namespace Steunpunt.Questions.Inbox;

/// <summary>The steunpunt's inbox: lists show who asked, when, about what, the first words of the question and by
/// when. The whole conversation is read, and logged, on the case page.</summary>
public sealed class IndexModel(SteunpuntDb db, ReplyClock replyClock, ThemeNames themeNames, CurrentTenant tenant) : PageModel
{
    public static readonly (string Key, string Label)[] Lists =
    [
        ("nieuw", "Nieuw"),
        ("mijn", "Aan mij toegewezen"),
        ("wacht", "Wacht op reactie"),
        ("overtijd", "Over tijd"),
        ("afgerond", "Afgerond"),
    ];

    public const int PreviewWords = 12;

    [BindProperty(SupportsGet = true, Name = "lijst")]
    public string List { get; set; } = "nieuw";

    // Filters: a value that is not among the choices is ignored, so an old or edited link still shows a list.
    [BindProperty(SupportsGet = true, Name = "thema")]
    public string? ThemeFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "kanaal")]
    public string? ChannelFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "behandelaar")]
    public string? Assignee { get; set; }

    /// <summary>Exactly what the list shows: of what the person wrote only the first words of their first message;
    /// no name, address or phone is read for it.</summary>
    public sealed record Row(Guid Id, DateTimeOffset ReceivedAt, RequesterRole RequesterRole, bool YouthUnder16, Channel Channel,
        ThemeSet ThemeCodes, CaseStatus Status, bool AwaitingStaff, DateOnly? ReplyDueOn, string AssignedToName, string FirstWords)
    {
        /// <summary>A contact staff registered with a promise to call back.</summary>
        public bool CallBack { get; init; }
    }

    public IReadOnlyList<Row> Cases { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, string> ThemeNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<(string Id, string Name)> Colleagues { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool Filtered => ThemeFilter is not null || ChannelFilter is not null || Assignee is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Lists.Any(l => l.Key == List))
        {
            return NotFound();
        }
        Today = replyClock.Today;
        ThemeNames = await themeNames.ByCodeAsync(ct);
        Colleagues = [.. (await db.TeamAsync(tenant.Id, ct)).Where(t => t.Roles.Contains(Policies.Staff)).Select(t => (t.User.Id, t.User.DisplayName))];
        ThemeFilter = ThemeNames.ContainsKey(ThemeFilter ?? "") ? ThemeFilter : null;
        ChannelFilter = Enum.GetNames<Channel>().Contains(ChannelFilter) ? ChannelFilter : null;
        Assignee = Colleagues.Any(c => c.Id == Assignee) ? Assignee : null;

        var me = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var counts = new Dictionary<string, int>();
        foreach (var (key, _) in Lists)
        {
            counts[key] = await Filter(key, me).CountAsync(ct);
        }
        Counts = counts;
        var query = Filter(List, me);
        // One query: the first message's text comes along (decrypted by the converter) for the rows shown only.
        var rows = await (List == "afgerond" ? query.OrderByDescending(c => c.ClosedAt) : query.OrderBy(c => c.ReplyDueOn).ThenBy(c => c.ReceivedAt))
            .Take(200)
            .Select(c => new
            {
                Row = new Row(c.Id, c.ReceivedAt, c.RequesterRole, c.YouthUnder16, c.Channel, c.ThemeCodes, c.Status, c.AwaitingStaff, c.ReplyDueOn, c.AssignedToName, "")
                {
                    CallBack = c.Channel != Channel.Formulier && c.ContactWay == ContactWay.Phone,
                },
                Text = c.Messages.Where(m => !m.FromStaff).OrderBy(m => m.At).Select(m => m.Text).FirstOrDefault(),
                // A contact staff registered has no message: its first words are those of the note that records it.
                Note = c.Channel == Channel.Formulier ? null : c.Notes.OrderBy(n => n.At).Select(n => n.Text).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Cases = [.. rows.Select(r => r.Row with { FirstWords = FirstWords(r.Text ?? r.Note ?? "", PreviewWords) })];
        return Page();
    }

    /// <summary>The first <paramref name="count"/> words of a text, cut at a word, with "…" when there is more.</summary>
    public static string FirstWords(string text, int count)
    {
        var words = text.Split((char[]?)null, count + 1, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length <= count ? string.Join(' ', words) : string.Join(' ', words[..count]) + "…";
    }

    /// <summary>The query string of the current filters, for the list tabs.</summary>
    public Dictionary<string, string?> Query(string list) =>
        new() { ["lijst"] = list, ["thema"] = ThemeFilter, ["kanaal"] = ChannelFilter, ["behandelaar"] = Assignee };

    private IQueryable<SupportCase> Filter(string list, string me)
    {
        // The theme set is one column ("T03,T07"); a code is three characters, so a LIKE on it finds exactly that theme.
        var cases = ThemeFilter is { } theme ? db.Cases.FromSql($"SELECT * FROM \"Cases\" WHERE \"ThemeCodes\" LIKE {"%" + theme + "%"}") : db.Cases;
        if (Enum.TryParse<Channel>(ChannelFilter, out var channel))
        {
            cases = cases.Where(c => c.Channel == channel);
        }
        if (Assignee is { } assignee)
        {
            cases = cases.Where(c => c.AssignedToId == assignee);
        }
        var open = cases.Where(c => c.Status == CaseStatus.Open);
        return list switch
        {
            "mijn" => open.Where(c => c.AssignedToId == me),
            "wacht" => open.Where(c => !c.AwaitingStaff),
            "overtijd" => open.Where(c => c.AwaitingStaff && c.ReplyDueOn < Today),
            "afgerond" => cases.Where(c => c.Status == CaseStatus.Closed),
            _ => open.Where(c => c.AssignedToId == null),
        };
    }
}
