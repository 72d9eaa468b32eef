using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Questions.Surface;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Steunpunten;

/// <summary>
/// Removing a steunpunt, in two steps: this page first says what will happen (the site is gone at once, its accounts
/// are locked, its cases stay until their retention ends), and only a second, typed confirmation removes it. Nothing
/// is deleted here: the retention rules delete the personal part of the cases when their time comes.
/// </summary>
public sealed class RemoveModel(SteunpuntDb db, SteunpuntSetup setup, CaseCounts cases, UserManager<SteunpuntUser> users,
    CaseRetentionPeriod retention, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The steunpunt's short name, typed to confirm.</summary>
    [BindProperty]
    public string? Confirm { get; set; }

    public Tenant Steunpunt { get; private set; } = null!;
    public int CasesKept { get; private set; }
    public int CasesOpen { get; private set; }
    public int Accounts { get; private set; }
    public int KeepMonths => retention.Months;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (!string.Equals(Confirm?.Trim(), Steunpunt.Slug, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Confirm), $"Typ precies {Steunpunt.Slug} om te bevestigen dat u dit steunpunt opheft.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var tenant = await db.Tenants.SingleAsync(t => t.Id == Id, ct);
        tenant.Remove(User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        // Its team cannot sign in any more, and sessions still open end at their next request.
        foreach (var user in await users.Users.Where(u => u.TenantId == Id).ToListAsync(ct))
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        }
        await setup.ChangedAsync(ct);
        return RedirectToPage("/National/Steunpunten/Index", new { opgeheven = 1 });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == Id && t.RemovedAt == null, ct) is not { } tenant)
        {
            return false;
        }
        Steunpunt = tenant;
        (CasesKept, CasesOpen) = await cases.KeptAsync(Id, ct);
        Accounts = await users.Users.CountAsync(u => u.TenantId == Id, ct);
        return true;
    }
}
