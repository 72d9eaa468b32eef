using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;

namespace Steunpunt.Stories.Review;

/// <summary>Stories waiting for review, then the reviewed ones.</summary>
public sealed class IndexModel(SteunpuntDb db, ThemeNames themeNames) : PageModel
{
    /// <summary>What the list shows of a story: none of its text is read (or decrypted) for it.</summary>
    public sealed record Row(Guid Id, DateTimeOffset ReceivedAt, Teller Teller, ThemeSet ThemeCodes, string ReviewedBy, bool MayQuote);

    public IReadOnlyList<Row> Waiting { get; private set; } = [];
    public IReadOnlyList<Row> Reviewed { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ThemeNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Waiting = await Rows(db.Stories.Where(s => s.ReviewedAt == null).OrderBy(s => s.ReceivedAt)).ToListAsync(ct);
        ThemeNames = await themeNames.ByCodeAsync(ct);
        Reviewed = await Rows(db.Stories.Where(s => s.ReviewedAt != null).OrderByDescending(s => s.ReceivedAt)).ToListAsync(ct);
    }

    private static IQueryable<Row> Rows(IQueryable<Story> stories) =>
        stories.Take(200).Select(s => new Row(s.Id, s.ReceivedAt, s.Teller, s.ThemeCodes, s.ReviewedBy, s.MayQuote));
}
