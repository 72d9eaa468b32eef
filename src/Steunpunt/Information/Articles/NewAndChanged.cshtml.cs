using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Releases;

namespace Steunpunt.Information.Articles;

/// <summary>"Nieuw en gewijzigd": what each published part of the national information set added or changed, newest
/// first, linking to the items as this site shows them.</summary>
public sealed class NewAndChangedModel(SteunpuntDb db, InformationCatalog catalog) : PageModel
{
    public sealed record Entry(string Question, bool IsNew, string? Slug);

    public sealed record Part(string Name, DateTimeOffset PublishedAt, IReadOnlyList<Entry> Entries);

    public IReadOnlyList<Part> Parts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var releases = await db.Set<InformationRelease>().AsNoTracking().Include(r => r.Changes)
            .Where(r => r.Status == ReleaseStatus.Gepubliceerd).OrderByDescending(r => r.PublishedAt).Take(20).ToListAsync(ct);
        // Only what this site shows gets a link (a steunpunt may have hidden an item).
        var shown = (await catalog.ArticlesAsync(ct)).ToDictionary(a => a.Id, a => a);
        Parts = [.. releases.Select(r => new Part(r.Name, r.PublishedAt!.Value, [.. r.Changes
            .Select(c => c.FaqItemId is { } id && shown.TryGetValue(id, out var a) ? new Entry(a.Question, c.IsNew, a.Slug) : new Entry(c.Question, c.IsNew, null))
            .OrderBy(e => e.Question, StringComparer.Ordinal)]))];
    }
}
