using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Information.Workflow;

namespace Steunpunt.Information.Klankbord.Member;

/// <summary>A member's start page: the open drafts sent to their panel. Nothing else of the steunpunt is here.</summary>
public sealed class IndexModel(Panels panels) : PageModel
{
    public string Name { get; private set; } = "";
    public IReadOnlyList<ContentDraft> Drafts { get; private set; } = [];
    public bool Youth { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (KlankbordFeature.MemberId(User) is not { } id || await panels.MemberAsync(id, ct) is not { } member)
        {
            return NotFound();
        }
        (Name, Youth) = (member.Name, member.Panel == Panel.Jongeren);
        Drafts = await panels.SharedWithAsync(member.Panel, ct);
        return Page();
    }
}
