using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Editing;

public sealed class TermsModel(SteunpuntDb db, CurrentTenant tenant) : PageModel
{
    public IReadOnlyList<GlossaryTerm> Editable { get; private set; } = [];
    public IReadOnlyList<GlossaryTerm> National { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var terms = (await db.GlossaryTerms.AsNoTracking().ToListAsync(ct)).OrderBy(t => t.Term, StringComparer.Ordinal).ToList();
        Editable = terms.Where(t => t.TenantId == tenant.Id).ToList();
        National = tenant.IsNational ? [] : terms.Where(t => t.TenantId is null).ToList();
    }
}
