using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.National.Practice;
using Steunpunt.Web;
using Steunpunt.Web.Mail;

namespace Steunpunt.National.PracticeReview;

/// <summary>
/// The national editors' review of practice examples: those waiting first, then the published ones. For one example:
/// ask the steunpunt for a change (with a remark it reads in its postvak), publish it, or take it offline. The
/// steunpunt's writer gets a mail without content each time.
/// </summary>
public sealed class IndexModel(SteunpuntDb db, TimeProvider clock, PublicAddress address, Tenancy.TenantDirectory directory, MailSender mail) : PageModel
{
    public IReadOnlyList<PracticeExample> Waiting { get; private set; } = [];
    public IReadOnlyList<PracticeExample> Published { get; private set; } = [];
    public PracticeExample? Selected { get; private set; }
    public string? Message { get; private set; }
    [BindProperty] public string? Remark { get; set; }
    /// <summary>The version the editor read (its last change, in ticks): a publication of a text that changed since
    /// is refused.</summary>
    [BindProperty] public long Seen { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (id is { } exampleId && (Selected = await FindAsync(exampleId, ct)) is null)
        {
            return NotFound();
        }
        Message = Request.Query["klaar"].ToString() switch
        {
            "gepubliceerd" => "Het praktijkvoorbeeld staat in de bibliotheek. Het steunpunt krijgt een mail.",
            "aanpassen" => "Het steunpunt krijgt een mail dat jullie een aanpassing vragen.",
            "offline" => "Het praktijkvoorbeeld staat niet meer in de bibliotheek.",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => DecideAsync(id, PracticeStatus.Ingediend, PracticeStatus.Gepubliceerd, ct);

    public Task<IActionResult> OnPostAskChangeAsync(Guid id, CancellationToken ct) => DecideAsync(id, PracticeStatus.Ingediend, PracticeStatus.AanpassenGevraagd, ct);

    public Task<IActionResult> OnPostOfflineAsync(Guid id, CancellationToken ct) => DecideAsync(id, PracticeStatus.Gepubliceerd, PracticeStatus.AanpassenGevraagd, ct, offline: true);

    private async Task<IActionResult> DecideAsync(Guid id, PracticeStatus from, PracticeStatus to, CancellationToken ct, bool offline = false)
    {
        if (await db.Set<PracticeExample>().SingleOrDefaultAsync(p => p.Id == id && p.Status != PracticeStatus.Concept, ct) is not { } example)
        {
            return NotFound();
        }
        if (example.Status != from || example.UpdatedAt.UtcTicks != Seen)
        {
            // The steunpunt changed it (or took it back) since this page was opened: read it again first.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Het steunpunt heeft dit voorbeeld intussen veranderd of teruggenomen. Lees het opnieuw voordat je besluit.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync(ct);
            Selected = await FindAsync(id, ct);
            return Selected is null ? RedirectToPage(null, null, new { id = (Guid?)null }, null) : Page();
        }
        var remark = Web.FormGuard.Clean(Remark);
        if (to == PracticeStatus.AanpassenGevraagd && (remark.Length == 0 || remark.Length > 2000))
        {
            ModelState.AddModelError(nameof(Remark), remark.Length == 0 ? "Schrijf op wat het steunpunt moet aanpassen." : "De opmerking is te lang: hoogstens 2000 tekens.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            Selected = example;
            return Page();
        }
        var now = clock.GetUtcNow();
        example.Status = to;
        example.UpdatedAt = now;
        if (to == PracticeStatus.Gepubliceerd)
        {
            example.PublishedAt ??= now;
            example.EditorRemark = null;
        }
        else
        {
            example.EditorRemark = remark;
        }
        var steunpunt = (await directory.GetAsync(ct)).BySlug.Values.FirstOrDefault(t => t.Id == example.SteunpuntId);
        var email = await db.Users.Where(u => u.Id == example.SubmittedById).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (steunpunt is not null && email is not null)
        {
            var what = to == PracticeStatus.Gepubliceerd ? "staat nu in de bibliotheek van praktijkvoorbeelden"
                : offline ? "is uit de bibliotheek gehaald; de landelijke redactie schreef erbij waarom"
                : "kan beter: de landelijke redactie vraagt een aanpassing";
            db.QueueMail(null, "Landelijke redactie steunpunten", email, "Nieuws over jullie praktijkvoorbeeld",
                $"""
                Het praktijkvoorbeeld dat je instuurde {what}.

                Lees het na het inloggen:
                {address.LinkFor(steunpunt, Url.Page("/National/PracticeSubmit/Edit", new { id })!)}
                """, now);
        }
        await db.SaveChangesAsync(ct);
        mail.Wake();
        return RedirectToPage(null, null, new { klaar = to == PracticeStatus.Gepubliceerd ? "gepubliceerd" : offline ? "offline" : "aanpassen" }, null);
    }

    private Task<PracticeExample?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<PracticeExample>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Status != PracticeStatus.Concept, ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.Set<PracticeExample>().AsNoTracking().Where(p => p.Status != PracticeStatus.Concept)
            .OrderByDescending(p => p.UpdatedAt).Take(500).ToListAsync(ct);
        Waiting = [.. all.Where(p => p.Status == PracticeStatus.Ingediend)];
        Published = [.. all.Where(p => p.Status == PracticeStatus.Gepubliceerd)];
    }
}
