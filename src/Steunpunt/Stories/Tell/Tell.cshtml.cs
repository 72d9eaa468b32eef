using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Stories.Tell;

/// <summary>The vertelpunt: tell an experience, anonymously, with light self-coding. Stored before "bedankt"; the
/// same form sent twice is one story; the same guards as the question form, and the same promise: whatever goes
/// wrong, the form comes back with what was written. Parents read "u"; with ?voor=jongeren the page and its messages
/// say "je".</summary>
[IgnoreAntiforgeryToken] // checked by FormGuard, which keeps the text when it fails
public sealed class TellModel(SteunpuntDb db, CurrentTenant tenant, FormGuard guard, LastKnown lastKnown, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>"jongeren" for the youth form (je); anything else is the parents' form (u). The form carries it.</summary>
    [BindProperty(SupportsGet = true, Name = "voor")]
    public string? For { get; set; }

    public bool Youth => For == "jongeren";

    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public bool Received { get; private set; }
    public int MaxLength => guard.MaxTextLength;

    public static readonly (int Value, string Label)[] Feelings =
        [(-2, "Heel negatief"), (-1, "Negatief"), (0, "Neutraal"), (1, "Positief"), (2, "Heel positief")];

    public sealed class InputModel : FormGuard.IGuarded
    {
        public Teller? Teller { get; set; }
        public SchoolPhases? Phase { get; set; }
        public List<string> Themes { get; set; } = [];
        public string? Moment { get; set; }
        public string? WhatHappened { get; set; }
        public string? Meaning { get; set; }
        public string? Needed { get; set; }
        public int? Feeling { get; set; }
        public FeltHeard FeltHeard { get; set; }
        public bool MayQuote { get; set; }
        public string? Website { get; set; }
        public string? Started { get; set; }
        public string? SubmissionKey { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.SubmissionKey = SubmissionKeys.New();
        Input.Started = guard.NewStamp();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var parts = new[] { Input.Moment, Input.WhatHappened, Input.Meaning, Input.Needed }.Select(FormGuard.Clean).ToArray();
        if (Input.Teller is null)
        {
            ModelState.AddModelError("Input.Teller", "Kies wie het verhaal vertelt.");
        }
        if (parts.All(p => p.Length == 0))
        {
            ModelState.AddModelError("Input.Moment", T("Schrijf uw verhaal in minstens één van de vakken.", "Schrijf je verhaal in minstens één van de vakken."));
        }
        if (parts.Sum(p => p.Length) > MaxLength)
        {
            var length = parts.Sum(p => p.Length);
            ModelState.AddModelError("Input.Moment", T(
                $"Uw verhaal is te lang: hoogstens {MaxLength} tekens samen. Nu zijn het er {length}. Maak het korter. Uw tekst staat er nog.",
                $"Je verhaal is te lang: hoogstens {MaxLength} tekens samen. Nu zijn het er {length}. Maak het korter. Je tekst staat er nog."));
        }
        if (Input.Feeling is { } f && f is < -2 or > 2)
        {
            ModelState.AddModelError("Input.Feeling", "Kies een van de vijf antwoorden.");
            Input.Feeling = null;
        }
        if (Input.Phase is { } phase && !SchoolPhaseNames.ForParents.Contains(phase))
        {
            ModelState.AddModelError("Input.Phase", "Kies een van de soorten school, of ‘Weet ik niet’.");
            Input.Phase = null;
        }
        if (Input.Themes.Any(t => !Theme.IsCode(t)))
        {
            ModelState.AddModelError("Input.Themes", "Kies onderwerpen uit de lijst.");
            Input.Themes = [.. Input.Themes.Where(Theme.IsCode)];
        }
        if (!SubmissionKeys.LooksValid(Input.SubmissionKey))
        {
            Input.SubmissionKey = SubmissionKeys.New();
        }
        if (!ModelState.IsValid)
        {
            return await FormAgainAsync(ct);
        }
        try
        {
            if (await guard.RefuseAsync(HttpContext, Input, T("uw verhaal", "je verhaal"), T("Verstuur uw verhaal", "Verstuur je verhaal"), Youth, ct) is { } refusal)
            {
                ModelState.AddModelError(string.Empty, refusal);
                return await FormAgainAsync(ct);
            }
            await StoreOnceAsync(parts, ct);
        }
        catch (Exception e) when (DatabaseFaults.IsOutage(e))
        {
            lastKnown.Away();
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(string.Empty, FormGuard.NotStoredNow(Youth));
            return await FormAgainAsync(ct);
        }
        Received = true;
        return Page();
    }

    /// <summary>Stores the story unless this very submission (same form, same content) was stored already.</summary>
    private async Task StoreOnceAsync(string[] parts, CancellationToken ct)
    {
        var themes = ThemeSet.Of(Input.Themes);
        var hash = SubmissionKeys.Hash(SubmissionKeys.Submission("story", tenant.Id, Input.SubmissionKey!,
            [.. parts, Input.Teller.ToString()!, Input.Phase.ToString() ?? "", themes.ToString(), Input.Feeling?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Input.FeltHeard.ToString(), Input.MayQuote.ToString()]));
        if (await db.Stories.AnyAsync(s => s.SubmissionHash == hash, ct))
        {
            return;
        }
        db.Stories.Add(new Story
        {
            ReceivedAt = clock.GetUtcNow(),
            Teller = Input.Teller!.Value,
            Phase = Input.Phase ?? SchoolPhases.None,
            ThemeCodes = themes,
            Feeling = Input.Feeling ?? 0,
            FeltHeard = Input.FeltHeard,
            MayQuote = Input.MayQuote,
            Moment = parts[0],
            WhatHappened = parts[1],
            Meaning = parts[2],
            Needed = parts[3],
            SubmissionHash = hash,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
        {
            // The same form arrived twice at once and the other request stored it: nothing is lost.
            db.ChangeTracker.Clear();
            if (!await db.Stories.AnyAsync(s => s.SubmissionHash == hash, ct))
            {
                throw;
            }
        }
    }

    private async Task<IActionResult> FormAgainAsync(CancellationToken ct)
    {
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The parents' form says "u", the youth form "je".</summary>
    private string T(string u, string je) => Youth ? je : u;


    private async Task LoadAsync(CancellationToken ct) =>
        Themes = await lastKnown.GetAsync("themes", async c => (IReadOnlyList<Theme>)await db.Themes.AsNoTracking().OrderBy(t => t.Code).ToListAsync(c), [], ct);
}
