using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Questions;

/// <summary>The gemeente of a contact: one the steunpunt serves, "Andere gemeente", or none. Nothing else is stored,
/// so no typed text reaches staff lists, the board report or its CSV through this field.</summary>
public static class GemeenteChoice
{
    public const string Other = "Andere gemeente";

    public static async Task<IReadOnlyList<string>> ServedAsync(SteunpuntDb db, CancellationToken ct) =>
        await db.Set<ServedGemeente>().AsNoTracking().OrderBy(g => g.Name).Select(g => g.Name).ToListAsync(ct);

    public static bool IsAllowed(string? value, IReadOnlyCollection<string> served) =>
        string.IsNullOrEmpty(value) || value == Other || served.Contains(value);

    public const string Refusal = "Kies een gemeente uit de lijst, of ‘Andere gemeente’.";
}
