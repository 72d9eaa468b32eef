using Microsoft.AspNetCore.Identity;

namespace Steunpunt.Accounts;

/// <summary>A staff account. Steunpunt roles (editor, staff, board) belong to one steunpunt through TenantId;
/// national roles have none.</summary>
public sealed class SteunpuntUser : IdentityUser
{
    public Guid? TenantId { get; set; }
    /// <summary>For a board member: the SWV (partnership) whose reports they read.</summary>
    public Guid? PartnershipId { get; set; }
    public string DisplayName { get; set; } = "";
}
