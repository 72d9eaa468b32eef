using Microsoft.AspNetCore.Identity;

namespace Steunpunt.Accounts;

/// <summary>A staff account. Steunpunt roles (editor, staff, board) belong to one steunpunt through TenantId;
/// national roles have none.</summary>
public sealed class SteunpuntUser : IdentityUser
{
    public Guid? TenantId { get; set; }
    public string DisplayName { get; set; } = "";
}
