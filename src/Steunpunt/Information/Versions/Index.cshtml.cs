using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Versions;

/// <summary>
/// The published versions of one page of this site, with who published each and when; any two compared word by word
/// (struck through: taken out; underlined: put in); and an old one put back in the editor's form to save as a concept.
/// </summary>
public sealed class IndexModel(SteunpuntDb db, CurrentTenant tenant) : PageModel
{
    public sealed record FieldDiff(string Label, IHtmlContent Diff, bool Changed);

    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];
    public ContentVersion? Older { get; private set; }
    public ContentVersion? Newer { get; private set; }
    public IReadOnlyList<FieldDiff> Diff { get; private set; } = [];
    /// <summary>Where "zet terug" opens the editor: the page and its route values, or null when it cannot.</summary>
    public (string Page, Dictionary<string, string> Route)? Restore { get; private set; }
    public string Title { get; private set; } = "";
    public Guid SubjectId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? a, int? b, CancellationToken ct)
    {
        SubjectId = id;
        Versions = await db.Set<ContentVersion>().AsNoTracking().Where(v => v.SubjectId == id && v.TenantId == tenant.Id)
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        var item = await db.FaqItems.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.TenantId == tenant.Id, ct);
        var page = item is null && !tenant.IsNational ? await db.RegionalPages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        if (item is null && page is null)
        {
            return NotFound();
        }
        Title = item?.Question is { Length: > 0 } q ? q : page?.Title ?? (Versions.Count > 0 ? Versions[0].Title : "");
        Restore = item is { Layer: ContentLayer.Item } ? ("/Information/Editing/Edit", new() { ["id"] = id.ToString() })
            : page is not null ? ("/Information/Editing/RegionalPageEdit", new() { ["kind"] = Regional.RegionalTextModel.Routes.Single(r => r.Value == page.Kind).Key })
            : null;
        if (Versions.Count >= 2)
        {
            Newer = Versions.FirstOrDefault(v => v.Number == (b ?? Versions[0].Number));
            Older = Versions.FirstOrDefault(v => v.Number == (a ?? Versions[1].Number));
            if (Newer is null || Older is null)
            {
                return NotFound();
            }
            if (Older.Number > Newer.Number)
            {
                (Older, Newer) = (Newer, Older);
            }
            var before = Older.Fields.ToDictionary(f => f.Key, f => f.Value);
            Diff = [.. Newer.Fields.Select(f => new FieldDiff(f.Key, Releases.WordDiff.Html(before.GetValueOrDefault(f.Key, ""), f.Value),
                before.GetValueOrDefault(f.Key, "") != f.Value))];
        }
        return Page();
    }
}
