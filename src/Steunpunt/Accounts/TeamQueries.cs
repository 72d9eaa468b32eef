using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Accounts;

/// <summary>A steunpunt's accounts with their roles, in two queries (not one per account).</summary>
public static class TeamQueries
{
    public static async Task<IReadOnlyList<(SteunpuntUser User, IReadOnlyList<string> Roles)>> TeamAsync(this SteunpuntDb db, Guid? tenantId,
        CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId && tenantId != null).OrderBy(u => u.DisplayName).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return [.. users.Select(u => (u, (IReadOnlyList<string>)[.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)]))];
    }
}
