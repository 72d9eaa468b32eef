using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Information.Releases;

/// <summary>The national editors' list of the parts of the information set, and a new part.</summary>
public sealed class IndexModel(SteunpuntDb db) : PageModel
{
    public sealed record Row(Guid Id, string Name, ReleaseStatus Status, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt, int Changes);

    public IReadOnlyList<Row> Releases { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var title = Web.FormGuard.Clean(Title);
        if (title.Length == 0 || title.Length > 200)
        {
            ModelState.AddModelError(nameof(Title), title.Length == 0
                ? "Geef het deel een naam, bijvoorbeeld: overstap naar het voortgezet onderwijs."
                : "De naam is te lang: hoogstens 200 tekens.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        var number = (await db.Set<InformationRelease>().MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var release = new InformationRelease { Number = number, Title = title };
        db.Set<InformationRelease>().Add(release);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Information/Releases/Release", new { id = release.Id });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Releases = await db.Set<InformationRelease>().AsNoTracking().OrderByDescending(r => r.Number)
            .Select(r => new Row(r.Id, "Deel " + r.Number + ": " + r.Title, r.Status, r.PublishAt, r.PublishedAt, r.Changes.Count)).ToListAsync(ct);

    public static string Describe(ReleaseStatus status, DateTimeOffset? publishAt, DateTimeOffset? publishedAt) => status switch
    {
        ReleaseStatus.Gepubliceerd => $"Gepubliceerd op {Dutch.Moment(publishedAt!.Value)}",
        ReleaseStatus.Gepland => $"Gepland op {Dutch.Moment(publishAt!.Value)}",
        _ => "Concept",
    };
}
