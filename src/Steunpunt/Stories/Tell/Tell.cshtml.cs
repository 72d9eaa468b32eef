using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Information;
using Steunpunt.Questions;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Stories.Tell;

/// <summary>The vertelpunt: tell an experience, anonymously, with light self-coding. Stored before "bedankt"; the
/// same form sent twice is one story; the same guards as the question form.</summary>
public sealed class TellModel(SteunpuntDb db, CurrentTenant tenant, FormGuard guard, TimeProvider clock,
    IOptions<QuestionsOptions> options) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public bool Received { get; private set; }
    public int MaxLength => options.Value.MaxTextLength;

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
        if (tenant.IsNational)
        {
            return NotFound();
        }
        Input.SubmissionKey = PersonalLink.NewSubmissionKey();
        Input.Started = guard.NewStamp();
        Themes = await db.Themes.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        var parts = new[] { Input.Moment, Input.WhatHappened, Input.Meaning, Input.Needed }.Select(FormGuard.Clean).ToArray();
        if (Input.Teller is null)
        {
            ModelState.AddModelError("Input.Teller", "Kies wie het verhaal vertelt.");
        }
        if (parts.All(p => p.Length == 0))
        {
            ModelState.AddModelError("Input.Moment", "Schrijf je verhaal in minstens één van de vakken.");
        }
        if (parts.Sum(p => p.Length) > MaxLength)
        {
            ModelState.AddModelError("Input.Moment", $"Je verhaal is te lang: hoogstens {MaxLength} tekens samen. Nu zijn het er {parts.Sum(p => p.Length)}. Maak het korter; je tekst staat er nog.");
        }
        if (Input.Feeling is { } f && f is < -2 or > 2)
        {
            ModelState.AddModelError("Input.Feeling", "Kies een van de vijf antwoorden.");
        }
        if (Input.SubmissionKey is not { Length: 22 } || !PersonalLink.LooksLikeToken(Input.SubmissionKey))
        {
            Input.SubmissionKey = PersonalLink.NewSubmissionKey();
        }
        if (ModelState.IsValid && guard.Refuse(HttpContext, Input, "je verhaal", "Verstuur je verhaal") is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
        }
        if (!ModelState.IsValid)
        {
            if (Response.StatusCode == StatusCodes.Status200OK)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            Themes = await db.Themes.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
            return Page();
        }

        var hash = PersonalLink.SubmissionHash("story:" + Input.SubmissionKey);
        if (!await db.Stories.AnyAsync(s => s.SubmissionHash == hash, ct))
        {
            db.Stories.Add(new Story
            {
                ReceivedAt = clock.GetUtcNow(),
                Teller = Input.Teller!.Value,
                Phase = Input.Phase ?? SchoolPhases.None,
                ThemeCodes = Theme.JoinCodes(Input.Themes),
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
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await db.Stories.AnyAsync(s => s.SubmissionHash == hash, ct))
                {
                    throw;
                }
            }
        }
        Received = true;
        return Page();
    }
}
