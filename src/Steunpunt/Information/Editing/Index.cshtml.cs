using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

public sealed class IndexModel(SteunpuntDb db, CurrentTenant tenant) : PageModel
{
    public bool IsNational => tenant.IsNational;
    public string SiteName => tenant.Value?.Name ?? "Landelijke informatieset";
    public IReadOnlyList<FaqItem> OwnItems { get; private set; } = [];
    public IReadOnlyList<(FaqItem National, FaqItem? Layer)> NationalItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.FaqItems.AsNoTracking().ToListAsync(ct);
        if (tenant.IsNational)
        {
            OwnItems = rows.Where(r => r.TenantId is null && r.Layer == ContentLayer.Item).OrderBy(r => r.ThemeCode, StringComparer.Ordinal).ThenBy(r => r.Question, StringComparer.Ordinal).ToList();
            return;
        }
        OwnItems = rows.Where(r => r.TenantId is not null && r.Layer == ContentLayer.Item).OrderBy(r => r.Question, StringComparer.Ordinal).ToList();
        var layers = rows.Where(r => r.TenantId is not null && r.NationalItemId is not null).ToDictionary(r => r.NationalItemId!.Value);
        NationalItems = rows.Where(r => r.TenantId is null && r.Layer == ContentLayer.Item && r.Status == ContentStatus.Published)
            .OrderBy(r => r.ThemeCode, StringComparer.Ordinal).ThenBy(r => r.Question, StringComparer.Ordinal)
            .Select(r => (r, layers.GetValueOrDefault(r.Id))).ToList();
    }

    public static string Describe(FaqItem? layer) => layer switch
    {
        null => "Landelijke tekst",
        { Layer: ContentLayer.Supplement } => "Met regionale aanvulling",
        { Layer: ContentLayer.Override } => "Eigen versie",
        { Layer: ContentLayer.Hidden } => "Verborgen",
        _ => "",
    } + (layer is { Status: ContentStatus.Draft } ? " (concept)" : "");
}
