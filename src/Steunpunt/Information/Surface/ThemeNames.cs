using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Information.Surface;

/// <summary>The national themes as staff and visitors read them: by name, never by code.</summary>
public sealed class ThemeNames(SteunpuntDb db)
{
    /// <summary>All themes in code order, for choices on a form.</summary>
    public async Task<IReadOnlyList<Theme>> AllAsync(CancellationToken ct = default) =>
        await db.Themes.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);

    /// <summary>Code → name, for showing what a contact, story or signal is about.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ByCodeAsync(CancellationToken ct = default) =>
        (await AllAsync(ct)).ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
}
