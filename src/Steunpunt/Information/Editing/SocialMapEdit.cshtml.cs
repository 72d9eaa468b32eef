using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

/// <summary>The sociale kaart: organisations that can help, per gemeente.</summary>
public sealed class SocialMapEditModel(SteunpuntDb db, CurrentTenant tenant, ContentChanges changes, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<string> Gemeenten { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vul de naam van de organisatie in.")]
        [StringLength(200, ErrorMessage = "De naam is te lang.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Vul in wat voor organisatie het is, bijvoorbeeld Wijkteam.")]
        [StringLength(100, ErrorMessage = "Dit is te lang.")]
        public string Kind { get; set; } = "";

        [Required(ErrorMessage = "Schrijf in één of twee zinnen waarmee de organisatie helpt.")]
        [StringLength(1000, ErrorMessage = "De beschrijving is te lang.")]
        public string Description { get; set; } = "";

        public List<string> Gemeenten { get; set; } = [];

        [Phone(ErrorMessage = "Dit is geen geldig telefoonnummer.")]
        public string? Phone { get; set; }

        [EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
        public string? Email { get; set; }

        [Url(ErrorMessage = "Dit is geen geldig webadres. Begin met https://")]
        [RegularExpression("^https?://.*", ErrorMessage = "Dit is geen geldig webadres. Begin met https://")]
        public string? Website { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Organisations.Add(new Organisation
        {
            Name = Input.Name.Trim(),
            Kind = Input.Kind.Trim(),
            Description = Input.Description.Trim(),
            Gemeenten = string.Join('|', Input.Gemeenten.Where(Gemeenten.Contains)),
            Phone = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim(),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            Website = string.IsNullOrWhiteSpace(Input.Website) ? null : Input.Website.Trim(),
            LastReviewedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
        });
        await db.SaveChangesAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        // The tenant filter limits this to the steunpunt's own organisations.
        await db.Organisations.Where(o => o.Id == id).ExecuteDeleteAsync(ct);
        await changes.PublishedAsync(ct: ct);
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (tenant.IsNational)
        {
            return false;
        }
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        Gemeenten = (await db.ServedGemeenten.AsNoTracking().Select(g => g.Name).ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
        return true;
    }
}
