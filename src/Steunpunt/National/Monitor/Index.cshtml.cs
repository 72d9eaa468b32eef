using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steunpunt.National.Monitor;

/// <summary>The national monitor for landelijk beheer and the ministry: a table per SWV, an overview per province
/// and the same table as CSV. Aggregates only (see <see cref="NationalMonitor"/>).</summary>
public sealed class IndexModel(NationalMonitor monitor) : PageModel
{
    public NationalMonitor.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await monitor.ComputeAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var result = await monitor.ComputeAsync(ct);
        return File(NationalMonitor.Csv(result), "text/csv; charset=utf-8", $"monitor-steunpunten-{result.Year.Label}.csv");
    }
}
