using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Leidraad;

/// <summary>
/// The plans of each SWV the steunpunt serves for steunen and signaleren, as the leidraad asks: what it will do, and
/// milestones with a date, marked done when they are. The coordinator keeps them.
/// </summary>
public sealed class PlansModel(SteunpuntDb db, TimeProvider clock) : PageModel
{
    public sealed record Block(Partnership Swv, PlanFunction Function, SwvPlan? Plan)
    {
        public string Key => $"{Swv.Id:N}-{Function}";
    }

    public IReadOnlyList<Block> Blocks { get; private set; } = [];
    public string? Message { get; private set; }
    public DateOnly Today => WorkingDays.DutchDate(clock.GetUtcNow());

    [BindProperty] public Guid Swv { get; set; }
    [BindProperty] public PlanFunction? Function { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? DueOn { get; set; }
    [BindProperty] public Guid Milestone { get; set; }

    /// <summary>What was typed in the one form that failed, so it stays there.</summary>
    public (string Key, string? Text, string? Title, string? DueOn)? Typed { get; private set; }

    public static string FunctionName(PlanFunction f) => f == PlanFunction.Steunen ? "steunen" : "signaleren";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = Request.Query["opgeslagen"].Count > 0 ? "Het plan is opgeslagen." : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        if (await BlockAsync(ct) is not { } block)
        {
            return NotFound();
        }
        ModelState.Clear();
        var text = Web.FormGuard.Clean(Text);
        if (text.Length > 4000)
        {
            ModelState.AddModelError($"Text-{block.Key}", "Het plan is te lang: hoogstens 4000 tekens.");
            return await AgainAsync(block, ct);
        }
        var plan = await PlanAsync(block, ct);
        (plan.Text, plan.UpdatedAt, plan.UpdatedBy) = (text, clock.GetUtcNow(), Who);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(null, null, new { opgeslagen = 1 }, $"plan-{block.Key}");
    }

    public async Task<IActionResult> OnPostMilestoneAsync(CancellationToken ct)
    {
        if (await BlockAsync(ct) is not { } block)
        {
            return NotFound();
        }
        ModelState.Clear();
        var title = Web.FormGuard.Clean(Title);
        if (title.Length == 0)
        {
            ModelState.AddModelError($"Title-{block.Key}", "Schrijf op wat er klaar moet zijn.");
        }
        else if (title.Length > 300)
        {
            ModelState.AddModelError($"Title-{block.Key}", "De mijlpaal is te lang: hoogstens 300 tekens.");
        }
        if (!DateOnly.TryParseExact(DueOn?.Trim(), "yyyy-MM-dd", out var due)
            && !DateOnly.TryParseExact(DueOn?.Trim(), ["d-M-yyyy", "d/M/yyyy"], Dutch.Culture, System.Globalization.DateTimeStyles.None, out due))
        {
            ModelState.AddModelError($"DueOn-{block.Key}", "Vul een datum in, bijvoorbeeld 1-3-2027.");
        }
        else if (due < new DateOnly(2020, 1, 1) || due > Today.AddYears(10))
        {
            ModelState.AddModelError($"DueOn-{block.Key}", $"Kies een datum tussen 2020 en {Today.Year + 10}.");
        }
        if (!ModelState.IsValid)
        {
            return await AgainAsync(block, ct);
        }
        var plan = await PlanAsync(block, ct);
        // Added through the set: a new row with its id already made would otherwise be taken for an existing one.
        db.Set<PlanMilestone>().Add(new PlanMilestone { PlanId = plan.Id, Title = title, DueOn = due });
        (plan.UpdatedAt, plan.UpdatedBy) = (clock.GetUtcNow(), Who);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(null, null, new { opgeslagen = 1 }, $"plan-{block.Key}");
    }

    public async Task<IActionResult> OnPostDoneAsync(CancellationToken ct)
    {
        var milestone = await db.Set<PlanMilestone>().SingleOrDefaultAsync(m => m.Id == Milestone, ct);
        if (milestone is null)
        {
            return NotFound();
        }
        milestone.DoneOn ??= Today;
        var plan = await db.Set<SwvPlan>().SingleAsync(p => p.Id == milestone.PlanId, ct);
        (plan.UpdatedAt, plan.UpdatedBy) = (clock.GetUtcNow(), Who);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(null, null, new { opgeslagen = 1 }, $"plan-{plan.PartnershipId:N}-{plan.Function}");
    }

    /// <summary>Takes a milestone out of its plan (planned by mistake, or no longer part of the plan).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var milestone = await db.Set<PlanMilestone>().SingleOrDefaultAsync(m => m.Id == Milestone, ct);
        if (milestone is null)
        {
            return NotFound();
        }
        db.Set<PlanMilestone>().Remove(milestone);
        var plan = await db.Set<SwvPlan>().SingleAsync(p => p.Id == milestone.PlanId, ct);
        (plan.UpdatedAt, plan.UpdatedBy) = (clock.GetUtcNow(), Who);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(null, null, new { opgeslagen = 1 }, $"plan-{plan.PartnershipId:N}-{plan.Function}");
    }

    private string Who => User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";

    private async Task<Block?> BlockAsync(CancellationToken ct)
    {
        if (Function is not { } function || !Enum.IsDefined(function))
        {
            return null;
        }
        var swv = await db.Set<Partnership>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == Swv, ct);
        return swv is null ? null : new Block(swv, function, null);
    }

    private async Task<SwvPlan> PlanAsync(Block block, CancellationToken ct)
    {
        var plan = await db.Set<SwvPlan>().Include(p => p.Milestones)
            .SingleOrDefaultAsync(p => p.PartnershipId == block.Swv.Id && p.Function == block.Function, ct);
        if (plan is null)
        {
            plan = new SwvPlan { PartnershipId = block.Swv.Id, Function = block.Function };
            db.Set<SwvPlan>().Add(plan);
        }
        return plan;
    }

    private async Task<IActionResult> AgainAsync(Block block, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Typed = (block.Key, Text, Title, DueOn);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var swvs = await db.Set<Partnership>().AsNoTracking().OrderBy(p => p.Sector).ThenBy(p => p.Code).ToListAsync(ct);
        var plans = await db.Set<SwvPlan>().AsNoTracking().Include(p => p.Milestones).ToListAsync(ct);
        Blocks = [.. swvs.SelectMany(s => Enum.GetValues<PlanFunction>().Select(f =>
            new Block(s, f, plans.FirstOrDefault(p => p.PartnershipId == s.Id && p.Function == f))))];
    }
}
