using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.National.Leidraad;

/// <summary>
/// The coordinator keeps the steunpunt's self-assessment against the leidraad: per item a status (nog niet / deels /
/// op orde) and what shows it. Every item is saved with who changed it and when.
/// </summary>
public sealed class ChecklistModel(SteunpuntDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(Leidraad.Item Item, LeidraadStatus Status, string Evidence, DateTimeOffset? UpdatedAt, string UpdatedBy);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public LeidraadStatus? Status { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = Request.Query["opgeslagen"] is { Count: > 0 } saved && Leidraad.Items.Any(i => i.Code == saved.ToString())
            ? $"{saved} is opgeslagen." : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var item = Leidraad.Items.FirstOrDefault(i => i.Code == Code);
        if (item is null)
        {
            return NotFound();
        }
        // The fields are per item on the page: a value that did not bind is reported at that item, below.
        ModelState.Clear();
        var evidence = Web.FormGuard.Clean(Evidence);
        if (Status is not { } status || !Enum.IsDefined(status))
        {
            ModelState.AddModelError($"Status-{item.Code}", $"Kies bij {item.Code} hoe ver jullie zijn.");
        }
        if (evidence.Length > 2000)
        {
            ModelState.AddModelError($"Evidence-{item.Code}", $"De toelichting bij {item.Code} is te lang: hoogstens 2000 tekens.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            // What was typed stays in the form of that item.
            Rows = [.. Rows.Select(r => r.Item.Code == item.Code ? r with { Evidence = Evidence ?? "" } : r)];
            return Page();
        }
        var row = await db.Set<LeidraadItem>().SingleOrDefaultAsync(i => i.Code == item.Code, ct);
        if (row is null)
        {
            row = new LeidraadItem { Code = item.Code };
            db.Set<LeidraadItem>().Add(row);
        }
        (row.Status, row.Evidence, row.UpdatedAt) = (Status!.Value, evidence, clock.GetUtcNow());
        row.UpdatedBy = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";
        await db.SaveChangesAsync(ct);
        return RedirectToPage(null, null, new { opgeslagen = item.Code }, item.Code);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var saved = await db.Set<LeidraadItem>().AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        Rows = [.. Leidraad.Items.Select(i => saved.TryGetValue(i.Code, out var s)
            ? new Row(i, s.Status, s.Evidence, s.UpdatedAt, s.UpdatedBy)
            : new Row(i, LeidraadStatus.NogNiet, "", null, ""))];
    }
}
