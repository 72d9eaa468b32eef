using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Information.Workflow;

namespace Steunpunt.Information.Klankbord.Member;

/// <summary>A member's start page: the open drafts sent to their panel. Nothing else of the steunpunt is here.</summary>
public sealed class IndexModel(Panels panels) : PageModel
{
    public PanelMember Member { get; private set; } = null!;
    public IReadOnlyList<ContentDraft> Drafts { get; private set; } = [];
    public bool Youth => Member.Panel == Panel.Jongeren;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (KlankbordFeature.MemberId(User) is not { } id || await panels.MemberAsync(id, ct) is not { } member)
        {
            return NotFound();
        }
        Member = member;
        Drafts = await panels.SharedWithAsync(member.Panel, ct);
        return Page();
    }
}
