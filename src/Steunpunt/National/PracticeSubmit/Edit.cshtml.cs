using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.National.Practice;
using Steunpunt.Tenancy;

namespace Steunpunt.National.PracticeSubmit;

/// <summary>
/// Writes a practice example in the fixed shape, keeps it as a concept, and sends it to the national editors. While it
/// waits or after they asked for a change it can still be changed; once published it stays as it is (the editors can
/// take it offline).
/// </summary>
public sealed class EditModel(SteunpuntDb db, CurrentTenant tenant, TimeProvider clock) : PageModel
{
    public const int MaxPart = 4000;

    public PracticeExample? Existing { get; private set; }
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public bool ReadOnly => Existing?.Status == PracticeStatus.Gepubliceerd;
    public string? Message { get; private set; }

    [BindProperty] public PracticeInput Input { get; set; } = new();
    [BindProperty] public bool Send { get; set; }

    public sealed class PracticeInput
    {
        public string? Title { get; set; }
        public string? Situation { get; set; }
        public string? WhatWeDid { get; set; }
        public string? WhatWorked { get; set; }
        public string? WhatDidNot { get; set; }
        public string? WhatItTook { get; set; }
        public string? Pillar { get; set; }
        public string? Sector { get; set; }
        public string? RegionSize { get; set; }
        public string? Theme { get; set; }
        public bool ContactAgreed { get; set; }
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
    }

    public static readonly IReadOnlyList<(string Field, string Label, string Hint)> TextParts =
    [
        (nameof(PracticeInput.Situation), "De situatie", "Wat speelde er, en voor wie?"),
        (nameof(PracticeInput.WhatWeDid), "Wat we deden", "Wat hebben jullie gedaan, stap voor stap?"),
        (nameof(PracticeInput.WhatWorked), "Wat werkte", "Wat ging goed? Hoe merkten jullie dat?"),
        (nameof(PracticeInput.WhatDidNot), "Wat niet werkte", "Wat ging minder goed, en wat zouden jullie anders doen?"),
        (nameof(PracticeInput.WhatItTook), "Wat het kostte", "Hoeveel tijd, geld en mensen was er nodig?"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Existing is { } p)
        {
            Input = new PracticeInput
            {
                Title = p.Title,
                Situation = p.Situation,
                WhatWeDid = p.WhatWeDid,
                WhatWorked = p.WhatWorked,
                WhatDidNot = p.WhatDidNot,
                WhatItTook = p.WhatItTook,
                Pillar = p.Pillar.ToString(),
                Sector = p.Sector.ToString(),
                RegionSize = p.RegionSize.ToString(),
                Theme = p.ThemeCode,
                ContactAgreed = p.ContactAgreed,
                ContactName = p.ContactName,
                ContactEmail = await db.Set<PracticeContact>().Where(c => c.ExampleId == p.Id).Select(c => c.Email).SingleOrDefaultAsync(ct),
            };
        }
        else
        {
            var me = ExpertsPerson();
            (Input.ContactName, Input.ContactEmail) = (me.Name, User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value);
        }
        Message = Request.Query["klaar"].ToString() switch
        {
            "concept" => "Het praktijkvoorbeeld is bewaard als concept. Nog niemand anders ziet het.",
            "ingestuurd" => "Het praktijkvoorbeeld is naar de landelijke redactie gestuurd. Je krijgt een mail als zij iets vragen of als het gepubliceerd is.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (ReadOnly)
        {
            return RedirectToPage(null, null, new { id }, null);
        }
        ModelState.Clear();
        var i = Input;
        var title = Web.FormGuard.Line(i.Title);
        var parts = TextParts.ToDictionary(p => p.Field, p => Web.FormGuard.Clean(typeof(PracticeInput).GetProperty(p.Field)!.GetValue(i) as string));
        var pillar = Pillars.Parse(i.Pillar);
        Sector? sector = Enum.TryParse<Sector>(i.Sector, out var s) && Enum.IsDefined(s) && !int.TryParse(i.Sector, out _) ? s : null;
        RegionSize? size = Enum.TryParse<RegionSize>(i.RegionSize, out var r) && Enum.IsDefined(r) && !int.TryParse(i.RegionSize, out _) ? r : null;
        var theme = string.IsNullOrEmpty(i.Theme) ? null : i.Theme;
        if (title.Length == 0 || title.Length > 200)
        {
            ModelState.AddModelError("Input.Title", title.Length == 0 ? "Geef het praktijkvoorbeeld een titel." : "De titel is te lang: hoogstens 200 tekens.");
        }
        else if (Privacy.PersonalDetails.Obvious(title) is { } inTitle)
        {
            ModelState.AddModelError("Input.Title", $"Er staat {inTitle} in de titel. Haal dat weg: het voorbeeld wordt openbaar.");
        }
        foreach (var (field, label, _) in TextParts)
        {
            if (parts[field].Length > MaxPart)
            {
                ModelState.AddModelError($"Input.{field}", $"‘{label}’ is te lang: hoogstens {MaxPart} tekens.");
            }
            else if (Send && parts[field].Length == 0)
            {
                ModelState.AddModelError($"Input.{field}", $"Vul ‘{label}’ in voordat je het instuurt.");
            }
            else if (Privacy.PersonalDetails.Obvious(parts[field]) is { } found)
            {
                ModelState.AddModelError($"Input.{field}", $"Er staat {found} in ‘{label}’. Haal dat weg: het voorbeeld wordt openbaar.");
            }
        }
        if (pillar is null)
        {
            ModelState.AddModelError("Input.Pillar", "Kies de pijler.");
        }
        if (sector is null)
        {
            ModelState.AddModelError("Input.Sector", "Kies voor welke sector het geldt.");
        }
        if (size is null)
        {
            ModelState.AddModelError("Input.RegionSize", "Kies hoe groot jullie regio is.");
        }
        if (theme is not null && Themes.All(t => t.Code != theme))
        {
            ModelState.AddModelError("Input.Theme", "Kies een thema uit de lijst.");
        }
        var contactName = Web.FormGuard.Line(i.ContactName);
        var contactEmail = Web.FormGuard.BareEmail(i.ContactEmail);
        if (i.ContactAgreed)
        {
            if (contactName.Length is 0 or > 200)
            {
                ModelState.AddModelError("Input.ContactName", "Vul de naam van de contactpersoon in.");
            }
            if (contactEmail is null || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(contactEmail))
            {
                ModelState.AddModelError("Input.ContactEmail", "Vul een goed e-mailadres in, bijvoorbeeld naam@steunpunt.nl. Het wordt nooit getoond.");
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow();
        var example = Existing is null ? null : await db.Set<PracticeExample>().SingleAsync(p => p.Id == Existing.Id, ct);
        if (example is null)
        {
            var me = ExpertsPerson();
            example = new PracticeExample { SteunpuntId = tenant.Id!.Value, SubmittedById = me.Id, SubmittedByName = me.Name };
            db.Add(example);
        }
        example.SteunpuntName = tenant.Value!.Name;
        example.Title = title;
        (example.Situation, example.WhatWeDid, example.WhatWorked, example.WhatDidNot, example.WhatItTook) =
            (parts[nameof(PracticeInput.Situation)], parts[nameof(PracticeInput.WhatWeDid)], parts[nameof(PracticeInput.WhatWorked)],
             parts[nameof(PracticeInput.WhatDidNot)], parts[nameof(PracticeInput.WhatItTook)]);
        (example.Pillar, example.Sector, example.RegionSize, example.ThemeCode) = (pillar!.Value, sector!.Value, size!.Value, theme);
        (example.ContactAgreed, example.ContactName) = i.ContactAgreed ? (true, contactName) : (false, null);
        var contact = await db.Set<PracticeContact>().SingleOrDefaultAsync(c => c.ExampleId == example.Id, ct);
        if (i.ContactAgreed)
        {
            contact ??= db.Add(new PracticeContact { ExampleId = example.Id }).Entity;
            contact.Email = contactEmail!;
        }
        else if (contact is not null)
        {
            db.Remove(contact);
        }
        example.UpdatedAt = now;
        // Sent, it waits for the editors; kept as a concept, it is taken back from them until it is sent again (so they
        // never publish a text that changed after they read it).
        example.Status = Send ? PracticeStatus.Ingediend : PracticeStatus.Concept;
        if (Send)
        {
            example.SubmittedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage(null, null, new { id = example.Id, klaar = Send ? "ingestuurd" : "concept" }, null);
    }

    private Experts.ExpertDesk.Person ExpertsPerson() => Experts.ExpertDesk.Person.Of(User);

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        Themes = await db.Set<Theme>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        if (id is { } exampleId)
        {
            Existing = await db.Set<PracticeExample>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == exampleId && p.SteunpuntId == tenant.Id, ct);
            return Existing is not null;
        }
        return true;
    }
}
