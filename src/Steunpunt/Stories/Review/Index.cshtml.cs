using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Stories.Review;

/// <summary>Stories waiting for review, then the reviewed ones.</summary>
public sealed class IndexModel(SteunpuntDb db) : PageModel
{
    public IReadOnlyList<Story> Waiting { get; private set; } = [];
    public IReadOnlyList<Story> Reviewed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var stories = db.Stories.AsNoTracking();
        Waiting = await stories.Where(s => s.ReviewedAt == null).OrderBy(s => s.ReceivedAt).Take(200).ToListAsync(ct);
        Reviewed = await stories.Where(s => s.ReviewedAt != null).OrderByDescending(s => s.ReceivedAt).Take(200).ToListAsync(ct);
    }
}
