using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Information.Workflow;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Information.Klankbord;

/// <summary>
/// The participation log per school year: meetings held (added here by the editors), members who took part, drafts
/// reviewed and what changed because of their input. The same figures feed item A11 of the leidraad checklist.
/// </summary>
public sealed class ReportModel(SteunpuntDb db, PanelParticipation participation, CurrentTenant tenant, TimeProvider clock) : PageModel
{
    public sealed record Change(string Title, string Paragraph, string Comment, DateTimeOffset ResolvedAt);

    public SchoolYear Year { get; private set; }
    public SchoolYear Current { get; private set; }
    public PanelParticipation.Facts Facts { get; private set; } = PanelParticipation.Facts.None;
    public IReadOnlyList<PanelMeeting> Meetings { get; private set; } = [];
    public IReadOnlyList<Change> Changes { get; private set; } = [];
    public bool Added { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul de datum van de bijeenkomst in.")]
        public DateOnly? HeldOn { get; set; }

        [Required(ErrorMessage = "Kies de groep.")]
        public Panel? Panel { get; set; }

        [Required(ErrorMessage = "Vul in hoeveel leden er waren.")]
        [Range(0, 1000, ErrorMessage = "Vul een aantal in van 0 tot 1000.")]
        public int? Present { get; set; }

        [StringLength(500, ErrorMessage = "De notitie is te lang: hoogstens 500 tekens.")]
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(int? jaar, bool toegevoegd, CancellationToken ct)
    {
        Added = toegevoegd;
        await LoadAsync(jaar, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var today = WorkingDays.DutchDate(clock.GetUtcNow());
        if (Input.HeldOn is { } day && day > today)
        {
            ModelState.AddModelError("Input.HeldOn", "De datum ligt in de toekomst. Vul een bijeenkomst in die al geweest is.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(null, ct);
            return Page();
        }
        db.PanelMeetings.Add(new PanelMeeting { HeldOn = Input.HeldOn!.Value, Panel = Input.Panel!.Value, Present = Input.Present!.Value, Note = FormGuard.Line(Input.Note) });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { jaar = SchoolYear.Of(Input.HeldOn.Value).First, toegevoegd = true });
    }

    private async Task LoadAsync(int? jaar, CancellationToken ct)
    {
        Current = SchoolYear.Of(clock.GetUtcNow());
        Year = jaar is { } y && y >= 2000 && y <= Current.First ? new SchoolYear(y) : Current;
        Facts = await participation.OfAsync(tenant.Id!.Value, Year, ct);
        Meetings = await db.PanelMeetings.AsNoTracking().Where(m => m.HeldOn >= Year.Start && m.HeldOn < Year.End).OrderBy(m => m.HeldOn).ToListAsync(ct);
        var (from, to) = (Year.StartsAt, Dutch.StartOf(Year.End));
        var changed = await db.PanelComments.AsNoTracking()
            .Where(c => c.Outcome == CommentOutcome.Aangepast && c.ResolvedAt >= from && c.ResolvedAt < to).ToListAsync(ct);
        var draftIds = changed.Select(c => c.DraftId).Distinct().ToList();
        var titles = await db.Set<ContentDraft>().AsNoTracking().Where(d => draftIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        Changes = changed.OrderBy(c => c.ResolvedAt)
            .Select(c => new Change(titles.GetValueOrDefault(c.DraftId) ?? "", c.ParagraphLabel, c.Text, c.ResolvedAt!.Value)).ToList();
    }
}
