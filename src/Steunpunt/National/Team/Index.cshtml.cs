using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Web;

namespace Steunpunt.National.Team;

/// <summary>
/// The national accounts, for landelijk beheer: who administers, edits the national information set or reads the
/// monitor for the ministry, and an invitation for a new one (the same invitation mail as everywhere: they choose a
/// password through the link and set up two steps at their first sign-in). No steunpunt account is made here.
/// </summary>
public sealed class IndexModel(UserManager<SteunpuntUser> users, Invitations invitations, PublicAddress address) : PageModel
{
    /// <summary>The national roles an administrator may give, with their Dutch names.</summary>
    public static readonly IReadOnlyList<(string Role, string Name, string Explanation)> Roles =
    [
        (Policies.Ministry, "Ministerie (monitor)", "leest de monitor: alleen cijfers, nooit een vraag of verhaal"),
        (Policies.Expert, "Expertgroep", "beantwoordt vragen van steunpunten, plant webinars en schrijft de kennisbank"),
        (Policies.NationalEditor, "Landelijke redactie", "schrijft de landelijke informatieset en brengt de delen uit"),
        (Policies.NationalAdmin, "Landelijk beheer", "zet steunpunten op, leest de registers in en leest de monitor"),
    ];

    public sealed record Person(string Name, string Email, string Roles);

    public IReadOnlyList<Person> People { get; private set; } = [];
    public bool Invited { get; private set; }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Vul de naam in.")]
        [StringLength(200, ErrorMessage = "De naam is te lang.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Vul het e-mailadres in.")]
        [EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
        public string? Email { get; set; }

        public string? Role { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Invited = Request.Query.ContainsKey("uitgenodigd");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Roles.All(r => r.Role != Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Kies wat deze persoon gaat doen.");
        }
        if (ModelState.IsValid)
        {
            var result = await invitations.InviteAsync(Input.Name!, Input.Email!.Trim(), [Input.Role!], null, null, "Steunpunt (landelijk)",
                (email, token) => address.Link(Url.Page("/Accounts/SignIn/SetPassword", new { email, token })!), ct);
            if (result == Invitations.Result.Sent)
            {
                return RedirectToPage(new { uitgenodigd = 1 });
            }
            ModelState.AddModelError("Input.Email", result == Invitations.Result.EmailTaken
                ? "Er is al een account met dit e-mailadres." : "Dit account kon niet worden gemaakt. Kijk het e-mailadres na.");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var people = new List<Person>();
        foreach (var user in await users.Users.Where(u => u.TenantId == null).OrderBy(u => u.DisplayName).ToListAsync(ct))
        {
            var roles = await users.GetRolesAsync(user);
            var names = Roles.Where(r => roles.Contains(r.Role)).Select(r => r.Name).ToList();
            if (names.Count > 0)
            {
                people.Add(new Person(user.DisplayName, user.Email ?? "", string.Join(", ", names)));
            }
        }
        People = people;
    }
}
