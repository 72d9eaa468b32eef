using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Questions;
using Steunpunt.Tenancy;

namespace Steunpunt.Signals.Reports;

/// <summary>The board report: one SWV, one period. Staff choose any SWV of their steunpunt; a board member sees
/// only their own SWV. Printable on A4 and downloadable as CSV, with the same suppressed figures.</summary>
public sealed class ReportModel(SteunpuntDb db, BoardReport reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "swv")]
    public Guid? SwvId { get; set; }

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodKey { get; set; }

    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public IReadOnlyList<ReportPeriod> Periods { get; private set; } = [];
    public BoardReport.Report? Report { get; private set; }
    public IReadOnlyList<PublishedReport.Dimension> Dimensions { get; private set; } = [];
    public PublishedReport.Cell Total { get; private set; } = new("0", 0);
    public PublishedReport.Cell PreviousTotal { get; private set; } = new("0", 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await BuildAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await BuildAsync(ct))
        {
            return NotFound();
        }
        var csv = new StringBuilder();
        csv.AppendLine("onderdeel;waarde;deze periode;vorige periode;verschil");
        csv.AppendLine(CultureInfo.InvariantCulture, $"Contacten;Totaal;{Total.Text};{PreviousTotal.Text};");
        foreach (var d in Dimensions)
        {
            foreach (var r in d.Rows)
            {
                csv.AppendLine(CultureInfo.InvariantCulture, $"{Field(d.Title)};{Field(r.Label)};{r.Now.Text};{r.Before.Text};{r.Change}");
            }
        }
        var name = $"rapportage-{Report!.Period.Key}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    private static string Field(string value) =>
        value.IndexOfAny([';', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private async Task<bool> BuildAsync(CancellationToken ct)
    {
        Partnerships = await db.Set<Partnership>().AsNoTracking().OrderBy(p => p.Sector).ThenBy(p => p.Name).ToListAsync(ct);
        var board = ReadsReportsHandler.BoardPartnership(User);
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
        Periods = ReportPeriod.Choices(today);
        var period = PeriodKey is null ? ReportPeriod.CurrentSchoolYear(today) : ReportPeriod.Parse(PeriodKey);
        if (period is null)
        {
            return false;
        }
        PeriodKey = period.Key;
        Report = await reports.BuildAsync(swv, period, ct);
        Total = PublishedReport.Total(Report.Total, Report.Threshold);
        PreviousTotal = PublishedReport.Total(Report.PreviousTotal, Report.Threshold);
        Dimensions = [.. Report.Dimensions.Select(d => PublishedReport.Publish(d, Report.Threshold))];
        Response.Headers.CacheControl = "no-store";
        return true;
    }
}
