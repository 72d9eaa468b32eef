using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Signals.Reports;

/// <summary>
/// The board report: one SWV, one period. Staff see it as it stands, write a short summary (the app suggests one) and
/// publish it for the board as a new version; a board member reads only their own SWV's published versions, frozen at
/// publication, so the board never sees the figures move with each contact. The board reads the figures of the latest
/// version only: earlier versions are listed (number and date), but their tables and CSV are for staff, and asking
/// for one gives the board a 404. What changed against the version before never shows a change smaller than the
/// threshold (<see cref="ReportText.Changes"/>), and a period that has not ended can be published only once, so a
/// version published after one late contact does not show where that contact went. Printable on A4 and
/// downloadable as CSV, with the same suppressed figures. The page only ever receives the published view
/// (<see cref="PublishedReport.Version"/>), never a count before suppression.
/// </summary>
public sealed class ReportModel(SteunpuntDb db, BoardReport reports, TimeProvider clock) : PageModel
{
    public const int MaxSummaryLength = 4000;

    [BindProperty(SupportsGet = true, Name = "swv")]
    public Guid? SwvId { get; set; }

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodKey { get; set; }

    /// <summary>A published version to read (staff and board); without it the board reads the latest, staff the live report.</summary>
    [BindProperty(SupportsGet = true, Name = "versie")]
    public int? VersionNumber { get; set; }

    /// <summary>The summary staff write before they publish.</summary>
    [BindProperty]
    public string? Summary { get; set; }

    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public IReadOnlyList<(string Key, string Label)> Periods { get; private set; } = [];
    public PublishedReport.Version? Version { get; private set; }

    /// <summary>One published version of the period: its number, who published it and when.</summary>
    public sealed record Published(int Number, string PublishedBy, DateTimeOffset PublishedAt);

    /// <summary>The published versions of this SWV and period, newest first.</summary>
    public IReadOnlyList<Published> Releases { get; private set; } = [];
    /// <summary>The published version being read (null when staff read the live report).</summary>
    public Published? Shown { get; private set; }
    /// <summary>What changed against the version before the one shown (empty for a first version).</summary>
    public IReadOnlyList<string> Changes { get; private set; } = [];
    /// <summary>For staff: the summary the app suggests from the live figures.</summary>
    public string SuggestedSummary { get; private set; } = "";
    /// <summary>The board's answers per signal of this SWV, by signal id.</summary>
    public IReadOnlyDictionary<Guid, BoardAnswer> Answers { get; private set; } = new Dictionary<Guid, BoardAnswer>();
    public bool IsBoard { get; private set; }
    /// <summary>The period has not ended yet (staff are asked to publish after it ends).</summary>
    public bool PeriodRunning { get; private set; }
    /// <summary>Staff: the period has not ended and has a published version, so it cannot be published again yet.</summary>
    public bool RepublishRefused => PeriodRunning && Releases.Count > 0;
    /// <summary>Staff: the figures of now differ from the latest published version, so the form starts from a new
    /// suggestion instead of the last summary.</summary>
    public bool FiguresChanged { get; private set; }
    public string? Message { get; private set; }
    /// <summary>The database could not be read while publishing: only the publish form is shown, with its text.</summary>
    public bool Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Request.Query.ContainsKey("gepubliceerd"))
        {
            Message = "De rapportage is gepubliceerd. Het bestuur leest nu deze versie.";
        }
        else if (Request.Query.ContainsKey("bewaard"))
        {
            Message = "Uw antwoord is bewaard. Het steunpunt kan het nu lezen.";
        }
        if (!await BuildAsync(ct))
        {
            return NotFound();
        }
        if (!IsBoard && Shown is null && Version is not null)
        {
            // Staff start from the summary they wrote for the last version while the figures are the same; once they
            // changed, from the app's suggestion with the figures of now, so no old figures go out by mistake.
            var (latestSummary, sameFigures) = await LatestSummaryAsync(ct);
            FiguresChanged = latestSummary is not null && !sameFigures;
            Summary ??= sameFigures ? latestSummary ?? SuggestedSummary : SuggestedSummary;
        }
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await BuildAsync(ct) || Version is null)
        {
            return NotFound();
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PublishedReport.Csv(Version))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"rapportage-{Version.PeriodKey}{(Shown is { } s ? $"-versie-{s.Number}" : "")}.csv");
    }

    /// <summary>Staff publish what they see, with their summary, for the board: a new version of the period; earlier
    /// versions stay readable.</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        VersionNumber = null;
        if (ReadsReportsHandler.BoardPartnership(User) is not null)
        {
            return NotFound();
        }
        try
        {
            if (!await BuildAsync(ct) || Version is null)
            {
                return NotFound();
            }
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            // The report cannot be counted just now: the form comes back alone, with the summary as typed.
            (Version, Unavailable) = (null, true);
            return NotStoredNow();
        }
        var summary = FormGuard.Clean(Summary).Replace("\r\n", "\n", StringComparison.Ordinal);
        Summary = summary;
        if (summary.Length == 0)
        {
            ModelState.AddModelError(nameof(Summary), "Schrijf een korte samenvatting voor het bestuur. U kunt het voorstel van de app gebruiken.");
        }
        else if (summary.Length > MaxSummaryLength)
        {
            ModelState.AddModelError(nameof(Summary), $"De samenvatting is te lang: hoogstens {MaxSummaryLength} tekens. Nu zijn het er {summary.Length}.");
        }
        else if (PersonalDetails.Obvious(summary) is { } found)
        {
            ModelState.AddModelError(nameof(Summary), $"Er staat {found} in de samenvatting. Haal dat weg: het bestuur leest deze tekst.");
        }
        if (RepublishRefused)
        {
            // Republishing while contacts still come in would let the board follow them one by one.
            ModelState.AddModelError(nameof(Summary), "Deze periode is nog niet voorbij. U kunt haar pas opnieuw publiceren als ze is afgelopen.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            var last = await db.BoardReportReleases.Where(r => r.PartnershipId == SwvId && r.PeriodKey == PeriodKey)
                .MaxAsync(r => (int?)r.Number, ct) ?? 0;
            db.BoardReportReleases.Add(new BoardReportRelease
            {
                PartnershipId = SwvId!.Value,
                PeriodKey = PeriodKey!,
                Number = last + 1,
                Content = PublishedReport.Serialize(Version with { Summary = summary }),
                PublishedAt = clock.GetUtcNow(),
                PublishedBy = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "",
            });
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            return NotStoredNow();
        }
        catch (DbUpdateException)
        {
            // A colleague published the same period at the same moment and took this version number.
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddModelError(nameof(Summary), "Een collega publiceerde net een versie. Bekijk die en publiceer opnieuw als dat nodig is. Uw samenvatting staat hieronder nog.");
            Releases = await ReleasesAsync(Partnerships.First(p => p.Id == SwvId), ct);
            return Page();
        }
        return RedirectToPage("/Signals/Reports/Report", new { swv = SwvId, periode = PeriodKey, gepubliceerd = 1 });
    }

    private PageResult NotStoredNow()
    {
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        ModelState.AddModelError(nameof(Summary), "We konden de rapportage nu niet publiceren. Probeer het over een paar minuten opnieuw. Uw samenvatting staat hieronder nog.");
        return Page();
    }

    /// <summary>The summary of the latest version (null if none), and whether its figures are those of now.</summary>
    private async Task<(string? Summary, bool SameFigures)> LatestSummaryAsync(CancellationToken ct)
    {
        var latest = await db.BoardReportReleases.AsNoTracking().Where(r => r.PartnershipId == SwvId && r.PeriodKey == PeriodKey)
            .OrderByDescending(r => r.Number).Select(r => r.Content).FirstOrDefaultAsync(ct);
        if (latest is null || Version is null)
        {
            return (null, true);
        }
        var published = PublishedReport.Deserialize(latest);
        var same = PublishedReport.Serialize(published with { Summary = null }) == PublishedReport.Serialize(Version with { Summary = null });
        return (published.Summary is { Length: > 0 } s ? s : null, same);
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
            var keys = (await db.BoardReportReleases.AsNoTracking().Where(r => r.PartnershipId == swv.Id).Select(r => r.PeriodKey).Distinct().ToListAsync(ct))
                .Select(ReportPeriod.Parse).OfType<ReportPeriod>()
                .OrderByDescending(p => p.From).ThenBy(p => p.Key.Length).ToList();
            Periods = [.. keys.Select(p => (p.Key, p.Label))];
            PeriodKey ??= Periods.Count > 0 ? Periods[0].Key : null;
            if (PeriodKey is not null && Periods.All(p => p.Key != PeriodKey) && Periods.Count > 0)
            {
                return false;
            }
            if (Periods.Count == 0)
            {
                return VersionNumber is null;
            }
            if (!await ReadReleaseAsync(swv, ct))
            {
                return false;
            }
            await LoadAnswersAsync(swv, ct);
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
        if (VersionNumber is not null)
        {
            if (!await ReadReleaseAsync(swv, ct))
            {
                return false;
            }
        }
        else
        {
            Version = PublishedReport.From(await reports.BuildAsync(swv, period, ct));
            SuggestedSummary = ReportText.SuggestSummary(Version);
            Releases = await ReleasesAsync(swv, ct);
        }
        await LoadAnswersAsync(swv, ct);
        return true;
    }

    private async Task<IReadOnlyList<Published>> ReleasesAsync(Partnership swv, CancellationToken ct) =>
        await db.BoardReportReleases.AsNoTracking().Where(r => r.PartnershipId == swv.Id && r.PeriodKey == PeriodKey)
            .OrderByDescending(r => r.Number).Select(r => new Published(r.Number, r.PublishedBy, r.PublishedAt)).ToListAsync(ct);

    /// <summary>The asked (or latest) published version of the period, and what changed against the one before.</summary>
    private async Task<bool> ReadReleaseAsync(Partnership swv, CancellationToken ct)
    {
        Releases = await ReleasesAsync(swv, ct);
        var shown = VersionNumber is { } n ? Releases.FirstOrDefault(r => r.Number == n) : Releases.Count > 0 ? Releases[0] : null;
        if (shown is null || (IsBoard && shown != Releases[0]))
        {
            // The board reads the latest figures only: the tables of two versions side by side could show one contact.
            return false;
        }
        Shown = shown;
        var earlier = Releases.FirstOrDefault(r => r.Number < shown.Number);
        var numbers = earlier is null ? new[] { shown.Number } : [shown.Number, earlier.Number];
        var contents = await db.BoardReportReleases.AsNoTracking()
            .Where(r => r.PartnershipId == swv.Id && r.PeriodKey == PeriodKey && numbers.Contains(r.Number))
            .ToDictionaryAsync(r => r.Number, r => r.Content, ct);
        Version = PublishedReport.Deserialize(contents[shown.Number]);
        if (earlier is not null)
        {
            Changes = ReportText.Changes(PublishedReport.Deserialize(contents[earlier.Number]), Version);
        }
        return true;
    }

    private async Task LoadAnswersAsync(Partnership swv, CancellationToken ct) =>
        Answers = await db.BoardAnswers.AsNoTracking().Where(a => a.PartnershipId == swv.Id).ToDictionaryAsync(a => a.SignalId, ct);
}
