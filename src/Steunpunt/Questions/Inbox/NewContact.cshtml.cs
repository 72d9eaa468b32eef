using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Surface;

using Steunpunt.Web;

namespace Steunpunt.Questions.Inbox;

/// <summary>Staff register a phone call, e-mail, walk-in or spreekuur contact as a case, so every contact counts.</summary>
public sealed class NewContactModel(CaseWork work, SteunpuntDb db, TimeProvider clock, ThemeNames themeNames) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<string> Gemeenten { get; private set; } = [];

    public static readonly Channel[] Channels = [Channel.Telefoon, Channel.Email, Channel.Inloop, Channel.Spreekuur];

    public sealed class InputModel
    {
        public Channel Channel { get; set; } = Channel.Telefoon;
        public RequesterRole RequesterRole { get; set; }
        public string? Summary { get; set; }
        public string? Theme { get; set; }
        public SchoolPhases Phase { get; set; }
        public string? Gemeente { get; set; }
        public bool FollowUp { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Themes = await themeNames.AllAsync(ct);
        Gemeenten = await GemeenteChoice.ServedAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var summary = FormGuard.Clean(Input.Summary);
        if (summary.Length == 0)
        {
            ModelState.AddModelError("Input.Summary", "Schrijf kort op waar het contact over ging.");
        }
        if (!GemeenteChoice.IsAllowed(Input.Gemeente, await GemeenteChoice.ServedAsync(db, ct)))
        {
            ModelState.AddModelError("Input.Gemeente", GemeenteChoice.Refusal);
        }
        if (!Channels.Contains(Input.Channel))
        {
            ModelState.AddModelError("Input.Channel", "Kies hoe het contact binnenkwam.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(ct);
            return Page();
        }
        var now = clock.GetUtcNow();
        var contact = new SupportCase
        {
            ReceivedAt = now,
            Channel = Input.Channel,
            RequesterRole = Input.RequesterRole,
            ThemeCodes = ThemeSet.Of(Input.Theme),
            Phase = Input.Phase,
            Gemeente = Input.Gemeente ?? "",
            ContactWay = ContactWay.Phone,
            AwaitingStaff = Input.FollowUp,
            ReplyDueOn = Input.FollowUp ? await HttpContext.RequestServices.GetRequiredService<ReplyClock>().DueOnAsync(now, ct) : null,
        };
        var id = await work.RegisterAsync(contact, summary, CaseWork.Staff.From(User), ct);
        return RedirectToPage("/Questions/Inbox/Case", new { id });
    }
}
