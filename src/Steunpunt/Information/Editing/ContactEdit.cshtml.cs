using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Questions.Surface;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>The steunpunt's contact details, welcome text, reply time, opening hours and closures.</summary>
public sealed class ContactEditModel(SteunpuntDb db, CurrentTenant tenant, ContentChanges changes, ReplyDeadlines deadlines) : PageModel
{
    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    [BindProperty]
    public HoursInput Hours { get; set; } = new();

    [BindProperty]
    public ClosureInput Closure { get; set; } = new();

    public IReadOnlyList<OpeningHours> CurrentHours { get; private set; } = [];
    public IReadOnlyList<Closure> CurrentClosures { get; private set; } = [];

    public sealed class DetailsInput
    {
        [Phone(ErrorMessage = "Dit is geen geldig telefoonnummer.")]
        [StringLength(30, ErrorMessage = "Het telefoonnummer is te lang.")]
        public string? Phone { get; set; }

        [EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
        [StringLength(200, ErrorMessage = "Het e-mailadres is te lang.")]
        public string? Email { get; set; }

        [StringLength(300, ErrorMessage = "Het adres is te lang.")]
        public string? Address { get; set; }

        [StringLength(5000, ErrorMessage = "De welkomsttekst is te lang.")]
        public string? Welcome { get; set; }

        [Range(1, 20, ErrorMessage = "Kies een antwoordtijd van 1 tot 20 werkdagen.")]
        public int ReplyWorkingDays { get; set; } = 3;
    }

    public sealed class HoursInput
    {
        public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

        [Required(ErrorMessage = "Vul in hoe laat het begint.")]
        public TimeOnly? Opens { get; set; }

        [Required(ErrorMessage = "Vul in hoe laat het eindigt.")]
        public TimeOnly? Closes { get; set; }

        [StringLength(200, ErrorMessage = "De toelichting is te lang.")]
        public string? Note { get; set; }
    }

    public sealed class ClosureInput
    {
        [Required(ErrorMessage = "Vul de eerste dag in.")]
        public DateOnly? From { get; set; }

        [Required(ErrorMessage = "Vul de laatste dag in.")]
        public DateOnly? To { get; set; }

        [Required(ErrorMessage = "Vul de reden in, bijvoorbeeld Kerstvakantie.")]
        [StringLength(200, ErrorMessage = "De reden is te lang.")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } row)
        {
            return NotFound();
        }
        Details = new DetailsInput { Phone = row.Phone, Email = row.Email, Address = row.Address, Welcome = row.Welcome, ReplyWorkingDays = row.ReplyWorkingDays };
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } row)
        {
            return NotFound();
        }
        if (!OnlyValid(nameof(Details)))
        {
            return Page();
        }
        row.Phone = Blank(Details.Phone);
        row.Email = Blank(Details.Email);
        row.Address = Blank(Details.Address);
        row.Welcome = Blank(Details.Welcome);
        row.ReplyWorkingDays = Details.ReplyWorkingDays;
        return await SavedAsync(ct);
    }

    public async Task<IActionResult> OnPostAddHoursAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }
        if (OnlyValid(nameof(Hours)) && Hours.Closes <= Hours.Opens)
        {
            ModelState.AddModelError("Hours.Closes", "De eindtijd moet na de begintijd liggen.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.OpeningHours.Add(new OpeningHours { Day = Hours.Day, Opens = Hours.Opens!.Value, Closes = Hours.Closes!.Value, Note = Hours.Note?.Trim() ?? "" });
        return await SavedAsync(ct);
    }

    public async Task<IActionResult> OnPostAddClosureAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }
        if (OnlyValid(nameof(Closure)) && Closure.To < Closure.From)
        {
            ModelState.AddModelError("Closure.To", "De laatste dag mag niet voor de eerste dag liggen.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Closures.Add(new Closure { From = Closure.From!.Value, To = Closure.To!.Value, Reason = Closure.Reason!.Trim() });
        await db.SaveChangesAsync(ct);
        await deadlines.RecountAsync(ct);
        return await SavedAsync(ct);
    }

    // The tenant filter limits these deletes to this steunpunt's own rows.
    public async Task<IActionResult> OnPostRemoveHoursAsync(Guid id, CancellationToken ct)
    {
        await db.OpeningHours.Where(h => h.Id == id).ExecuteDeleteAsync(ct);
        return await SavedAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveClosureAsync(Guid id, CancellationToken ct)
    {
        await db.Closures.Where(c => c.Id == id).ExecuteDeleteAsync(ct);
        await deadlines.RecountAsync(ct);
        return await SavedAsync(ct);
    }

    private async Task<IActionResult> SavedAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage();
    }

    /// <summary>Validation of one form only: the page holds three forms, and only the posted one counts.</summary>
    private bool OnlyValid(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        return ModelState.IsValid;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<Tenant?> LoadAsync(CancellationToken ct)
    {
        if (tenant.Id is not { } id)
        {
            return null;
        }
        CurrentHours = (await db.OpeningHours.AsNoTracking().ToListAsync(ct)).OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens).ToList();
        CurrentClosures = await db.Closures.AsNoTracking().OrderBy(c => c.From).ToListAsync(ct);
        return await db.Tenants.FirstAsync(t => t.Id == id, ct);
    }
}
