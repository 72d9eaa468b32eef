using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy.Registers;

namespace Steunpunt.National.Registers;

/// <summary>
/// Landelijk beheer brings in DUO's registers: upload a file, see what it adds, changes and closes, then apply it.
/// A file that cannot be read changes nothing and says which line is wrong.
/// </summary>
[RequestSizeLimit(Web.RequestFaults.MaxUploadBytes)]
public sealed class IndexModel(SteunpuntDb db, RegisterImport import, Steunpunten.SteunpuntSetup setup, TimeProvider clock) : PageModel
{
    /// <summary>Examples of each kind of change shown in the preview.</summary>
    public const int Shown = 25;

    public RegisterImport.Preview? Preview { get; private set; }
    public Guid? UploadId { get; private set; }
    public string? FileName { get; private set; }
    public string? Message { get; private set; }
    public int Swvs { get; private set; }
    public int Schools { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = Request.Query.ContainsKey("toegepast") ? "Het bestand is verwerkt. De registers zijn bijgewerkt." : null;
        await CountAsync(ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return await RefuseAsync("Kies een bestand van DUO (CSV, met puntkomma’s).", ct);
        }
        byte[] bytes;
        using (var stream = new MemoryStream())
        {
            await file.CopyToAsync(stream, ct);
            bytes = stream.ToArray();
        }
        var text = RegisterFile.Decode(bytes);
        RegisterFile.Parsed parsed;
        try
        {
            parsed = RegisterFile.Parse(text);
        }
        catch (RegisterFile.ProblemException problem)
        {
            return await RefuseAsync($"{problem.Message} Er is niets veranderd.", ct);
        }
        var upload = new RegisterUpload
        {
            FileName = Path.GetFileName(file.FileName) is { Length: > 0 and <= 200 } name ? name : "bestand.csv",
            Content = text,
            UploadedAt = clock.GetUtcNow(),
            UploadedBy = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "",
        };
        db.Set<RegisterUpload>().Add(upload);
        await db.SaveChangesAsync(ct);
        (Preview, UploadId, FileName) = (await import.PreviewAsync(parsed, ct), upload.Id, upload.FileName);
        await CountAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid upload, CancellationToken ct)
    {
        var stored = await db.Set<RegisterUpload>().SingleOrDefaultAsync(u => u.Id == upload, ct);
        if (stored is null)
        {
            return NotFound();
        }
        // Claimed once: of two clicks at the same moment, one applies the file and the other finds it applied.
        DateTimeOffset? now = clock.GetUtcNow();
        var claimed = await db.Set<RegisterUpload>().Where(u => u.Id == upload && u.AppliedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AppliedAt, now), ct) == 1;
        if (claimed)
        {
            try
            {
                var file = RegisterFile.Parse(stored.Content);
                stored.AppliedAt = now;
                stored.Content = ""; // applied: the registers hold it now (saved together with them)
                await import.ApplyAsync(file, ct);
            }
            catch
            {
                // Not applied after all (the database went away): the same upload can be applied again.
                await db.Set<RegisterUpload>().Where(u => u.Id == upload).ExecuteUpdateAsync(u => u.SetProperty(x => x.AppliedAt, (DateTimeOffset?)null), CancellationToken.None);
                throw;
            }
            await setup.ChangedAsync(ct);
        }
        return RedirectToPage(new { toegepast = 1 });
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken ct)
    {
        ModelState.AddModelError("file", message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await CountAsync(ct);
        return Page();
    }

    private async Task CountAsync(CancellationToken ct)
    {
        Swvs = await db.RegisterSwvs.CountAsync(s => s.ClosedAt == null, ct);
        Schools = await db.RegisterSchools.CountAsync(s => s.ClosedAt == null, ct);
    }
}
