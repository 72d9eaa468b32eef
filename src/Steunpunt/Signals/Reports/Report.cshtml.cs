using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Signals.Reports;

/// <summary>
/// The board report: one SWV, one period. Staff see it as it stands and publish it for the board; a board member
/// reads only their own SWV's published versions, frozen at publication, so no single new contact can be picked out
/// by looking before and after. Printable on A4 and downloadable as CSV, with the same suppressed figures. The page
/// only ever receives the published view (<see cref="PublishedReport.Version"/>), never a count before suppression.
/// </summary>
public sealed class ReportModel(SteunpuntDb db, BoardReport reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "swv")]
    public Guid? SwvId { get; set; }

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodKey { get; set; }

    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public IReadOnlyList<(string Key, string Label)> Periods { get; private set; } = [];
    public PublishedReport.Version? Version { get; private set; }
    /// <summary>For staff: when this SWV and period were last published for the board, by whom.</summary>
    /// <summary>Who published the period's version for the board, and when (not the version itself).</summary>
    public sealed record Published(string PublishedBy, DateTimeOffset PublishedAt);

    public Published? Release { get; private set; }
    public bool IsBoard { get; private set; }
    /// <summary>The period has not ended yet (staff are asked to publish after it ends).</summary>
    public bool PeriodRunning { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Request.Query.ContainsKey("gepubliceerd"))
        {
            Message = "De rapportage is gepubliceerd. Het bestuur leest nu deze versie.";
        }
        return await BuildAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await BuildAsync(ct) || Version is null)
        {
            return NotFound();
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PublishedReport.Csv(Version))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"rapportage-{Version.PeriodKey}.csv");
    }

    /// <summary>Staff publish what they see for the board (a new publication replaces the earlier one of that period).</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (ReadsReportsHandler.BoardPartnership(User) is not null || !await BuildAsync(ct) || Version is null)
        {
            return NotFound();
        }
        var release = await db.BoardReportReleases.SingleOrDefaultAsync(r => r.PartnershipId == SwvId && r.PeriodKey == PeriodKey, ct);
        if (release is null)
        {
            release = new BoardReportRelease { PartnershipId = SwvId!.Value, PeriodKey = PeriodKey! };
            db.BoardReportReleases.Add(release);
        }
        release.Content = PublishedReport.Serialize(Version);
        release.PublishedAt = clock.GetUtcNow();
        release.PublishedBy = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "";
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Signals/Reports/Report", new { swv = SwvId, periode = PeriodKey, gepubliceerd = 1 });
    }

    private async Task<bool> BuildAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Partnerships = await db.Set<Partnership>().AsNoTracking().OrderBy(p => p.Sector).ThenBy(p => p.Name).ToListAsync(ct);
        var board = ReadsReportsHandler.BoardPartnership(User);
        IsBoard = board is not null;
        if (board is { } own)
        {
            if (SwvId is { } asked && asked != own)
            {
                return false;
            }
            Partnerships = [.. Partnerships.Where(p => p.Id == own)];
            SwvId = own;
        }
        var swv = SwvId is { } id ? Partnerships.FirstOrDefault(p => p.Id == id) : Partnerships.Count > 0 ? Partnerships[0] : null;
        if (swv is null)
        {
            return false;
        }
        SwvId = swv.Id;
        var today = WorkingDays.DutchDate(clock.GetUtcNow());
        if (IsBoard)
        {
            // The board: published versions only.
            var releases = await db.BoardReportReleases.AsNoTracking().Where(r => r.PartnershipId == swv.Id)
                .Select(r => new { r.PeriodKey, r.Content }).ToListAsync(ct);
            var published = releases.Select(r => (Period: ReportPeriod.Parse(r.PeriodKey), r.Content)).Where(r => r.Period is not null)
                .OrderByDescending(r => r.Period!.From).ThenBy(r => r.Period!.Key.Length).ToList();
            Periods = [.. published.Select(r => (r.Period!.Key, r.Period.Label))];
            PeriodKey ??= Periods.Count > 0 ? Periods[0].Key : null;
            var chosen = published.FirstOrDefault(r => r.Period!.Key == PeriodKey);
            if (PeriodKey is not null && chosen.Period is null && Periods.Count > 0)
            {
                return false;
            }
            Version = chosen.Content is null ? null : PublishedReport.Deserialize(chosen.Content);
            return true;
        }
        Periods = [.. ReportPeriod.Choices(today).Select(p => (p.Key, p.Label))];
        var period = PeriodKey is null ? ReportPeriod.CurrentSchoolYear(today) : ReportPeriod.Parse(PeriodKey);
        if (period is null)
        {
            return false;
        }
        PeriodKey = period.Key;
        PeriodRunning = period.Until > today;
        Version = PublishedReport.From(await reports.BuildAsync(swv, period, ct));
        Release = await db.BoardReportReleases.Where(r => r.PartnershipId == swv.Id && r.PeriodKey == period.Key)
            .Select(r => new Published(r.PublishedBy, r.PublishedAt)).SingleOrDefaultAsync(ct);
        return true;
    }
}
