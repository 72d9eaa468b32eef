using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Privacy;
using Steunpunt.Stories.Surface;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Signals.Register;

/// <summary>One signal through its cycle: nieuw → geduid → voorgelegd aan bestuur → reactie bestuur → maatregel →
/// teruggekoppeld. Texts that leave the staff area are checked for e-mail addresses, phone numbers and postcodes.</summary>
public sealed class EditModel(SteunpuntDb db, TimeProvider clock, ReviewedStories stories, ThemeNames themeNames) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public Guid? StoryId { get; set; }

    public Signal? Signal { get; private set; }
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public IReadOnlyList<ReviewedStories.Reviewed> LinkableStories { get; private set; } = [];
    public IReadOnlyList<ReviewedStories.Reviewed> LinkedStories { get; private set; } = [];
    public int LinkedContacts { get; private set; }

    /// <summary>What the boards wrote they will do with this signal, per SWV.</summary>
    public IReadOnlyList<(string Swv, BoardAnswer Answer)> Answers { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public List<string> Themes { get; set; } = [];
        public List<SchoolPhases> Phases { get; set; } = [];
        public string? Gemeenten { get; set; }
        public Guid? PartnershipId { get; set; }
        public SignalStatus Status { get; set; }
        public string? BoardResponse { get; set; }
        public string? Measure { get; set; }
        public string? PublicFeedback { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var s = Signal!;
        Input = new InputModel
        {
            Title = s.Title,
            Description = s.Description,
            Themes = [.. s.ThemeCodes],
            Phases = [.. SchoolPhaseNames.All.Where(p => s.Phases.HasFlag(p))],
            Gemeenten = s.Gemeenten,
            PartnershipId = s.PartnershipId,
            Status = s.Status,
            BoardResponse = s.BoardResponse,
            Measure = s.Measure,
            PublicFeedback = s.PublicFeedback,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var signal = await db.Signals.SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (signal is null)
        {
            return NotFound();
        }
        var i = Input;
        var (title, description, response, measure, feedback) =
            (FormGuard.Clean(i.Title), FormGuard.Clean(i.Description), FormGuard.Clean(i.BoardResponse), FormGuard.Clean(i.Measure), FormGuard.Clean(i.PublicFeedback));
        if (title.Length is 0 or > 200)
        {
            ModelState.AddModelError("Input.Title", "Geef het signaal een titel van hoogstens 200 tekens.");
        }
        foreach (var (field, text) in new[] { ("Input.Description", description), ("Input.BoardResponse", response), ("Input.Measure", measure), ("Input.PublicFeedback", feedback) })
        {
            if (text.Length > 4000)
            {
                ModelState.AddModelError(field, "Deze tekst is te lang: hoogstens 4000 tekens.");
            }
            var details = new[] { (PersonalDetails.Email(), "e-mailadres"), (PersonalDetails.Phone(), "telefoonnummer"), (PersonalDetails.Postcode(), "postcode") }
                .Where(d => d.Item1.IsMatch(text)).Select(d => d.Item2).ToList();
            if (details.Count > 0)
            {
                ModelState.AddModelError(field, $"Haal persoonlijke gegevens weg ({string.Join(", ", details)}): het bestuur leest deze tekst.");
            }
        }
        if (i.Status == SignalStatus.Teruggekoppeld && feedback.Length == 0)
        {
            ModelState.AddModelError("Input.PublicFeedback", "Schrijf de terugkoppeling voor ouders en jongeren voordat het signaal ‘teruggekoppeld’ wordt.");
        }
        if (i.PartnershipId is { } swv && !await db.Set<Partnership>().AnyAsync(p => p.Id == swv, ct))
        {
            ModelState.AddModelError("Input.PartnershipId", "Kies een samenwerkingsverband van dit steunpunt.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        signal.Title = title;
        signal.Description = description;
        signal.ThemeCodes = ThemeSet.Of(i.Themes);
        signal.Phases = i.Phases.Aggregate(SchoolPhases.None, (a, b) => a | b);
        signal.Gemeenten = FormGuard.Clean(i.Gemeenten);
        signal.PartnershipId = i.PartnershipId;
        signal.BoardResponse = response;
        signal.Measure = measure;
        signal.PublicFeedback = feedback;
        if (i.Status == SignalStatus.Teruggekoppeld && signal.Status != SignalStatus.Teruggekoppeld)
        {
            signal.FeedbackPublishedAt = clock.GetUtcNow();
        }
        signal.Status = i.Status;
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostLinkStoryAsync(CancellationToken ct)
    {
        if (!await db.Signals.AnyAsync(s => s.Id == Id, ct) || StoryId is not { } storyId
            || !await stories.IsReviewedAsync(storyId, ct))
        {
            return NotFound();
        }
        if (!await db.SignalLinks.AnyAsync(l => l.SignalId == Id && l.StoryId == storyId, ct))
        {
            db.SignalLinks.Add(new SignalLink { SignalId = Id, StoryId = storyId });
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Signal = await db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (Signal is null)
        {
            return false;
        }
        Themes = await themeNames.AllAsync(ct);
        Partnerships = await db.Set<Partnership>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var links = await db.SignalLinks.AsNoTracking().Where(l => l.SignalId == Id).ToListAsync(ct);
        LinkedContacts = links.Count(l => l.CaseId != null);
        var storyIds = links.Where(l => l.StoryId != null).Select(l => l.StoryId!.Value).ToList();
        // Only reviewed, redacted text is shown here too: a signal is about to leave the staff area.
        LinkedStories = await stories.ByIdAsync(storyIds, ct);
        LinkableStories = await stories.RecentAsync(storyIds, 50, ct);
        var answers = await db.BoardAnswers.AsNoTracking().Where(a => a.SignalId == Id)
            .Join(db.Set<Partnership>(), a => a.PartnershipId, p => p.Id, (a, p) => new { p.Name, Answer = a }).ToListAsync(ct);
        Answers = [.. answers.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.Name, a.Answer))];
        return true;
    }
}
