using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Leidraad;

/// <summary>
/// The coordinator keeps the steunpunt's self-assessment against the leidraad: per item a status (nog niet / deels /
/// op orde) and what shows it. Items the app can answer itself (<see cref="LeidraadFacts.Automatic"/>) get their status
/// and figures from the app; the coordinator can add a note. Every save is kept with who and when, and rewrites this
/// school year's snapshot, which the page compares with last year's.
/// </summary>
public sealed class ChecklistModel(SteunpuntDb db, LeidraadFacts facts, CurrentTenant tenant, TimeProvider clock) : PageModel
{
    public sealed record Row(Leidraad.Item Item, LeidraadStatus Status, string Evidence, DateTimeOffset? UpdatedAt, string UpdatedBy,
        LeidraadFacts.Known? Known, LeidraadStatus? LastYear)
    {
        /// <summary>The app sets the status; the coordinator can only add a note.</summary>
        public bool Automatic => LeidraadFacts.Automatic.Contains(Item.Code);
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Message { get; private set; }
    public SchoolYear Year { get; private set; }
    public bool HasLastYear { get; private set; }

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
        var automatic = LeidraadFacts.Automatic.Contains(item.Code);
        var evidence = Web.FormGuard.Clean(Evidence);
        if (!automatic && (Status is not { } status || !Enum.IsDefined(status)))
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
            Rows = [.. Rows.Select(r => r.Item.Code != item.Code ? r
                : r with { Evidence = Evidence ?? "", Status = !automatic && Status is { } chosen && Enum.IsDefined(chosen) ? chosen : r.Status })];
            return Page();
        }
        var known = await facts.AssessAsync(tenant.Id!.Value, ct);
        var row = await db.Set<LeidraadItem>().SingleOrDefaultAsync(i => i.Code == item.Code, ct);
        if (row is null)
        {
            row = new LeidraadItem { Code = item.Code };
            db.Set<LeidraadItem>().Add(row);
        }
        var now = clock.GetUtcNow();
        (row.Status, row.Evidence, row.UpdatedAt) = (automatic ? known.Items[item.Code].Status : Status!.Value, evidence, now);
        row.UpdatedBy = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";
        await db.SaveChangesAsync(ct);

        await LeidraadSnapshot.SaveAsync(db, tenant.Id!.Value, SchoolYear.Of(now).First, LeidraadSnapshot.Write(Leidraad.Combine(await SavedAsync(ct), known)), now, ct);
        return RedirectToPage(null, null, new { opgeslagen = item.Code }, item.Code);
    }

    private Task<Dictionary<string, LeidraadItem>> SavedAsync(CancellationToken ct) =>
        db.Set<LeidraadItem>().AsNoTracking().ToDictionaryAsync(i => i.Code, ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Year = SchoolYear.Of(clock.GetUtcNow());
        var saved = await SavedAsync(ct);
        var known = await facts.AssessAsync(tenant.Id!.Value, ct);
        var lastYear = (await db.Set<LeidraadSnapshot>().AsNoTracking().SingleOrDefaultAsync(s => s.SchoolYear == Year.Previous.First, ct))?.Read();
        HasLastYear = lastYear is not null;
        Rows = [.. Leidraad.Items.Select(i =>
        {
            var fact = known.Items.GetValueOrDefault(i.Code);
            var s = saved.GetValueOrDefault(i.Code);
            var status = LeidraadFacts.Automatic.Contains(i.Code) && fact is not null ? fact.Status : s?.Status ?? LeidraadStatus.NogNiet;
            return new Row(i, status, s?.Evidence ?? "", s?.UpdatedAt, s?.UpdatedBy ?? "", fact,
                lastYear is not null && lastYear.TryGetValue(i.Code, out var then) ? then : null);
        })];
    }
}
