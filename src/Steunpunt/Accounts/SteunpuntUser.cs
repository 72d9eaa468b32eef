using Microsoft.AspNetCore.Identity;

namespace Steunpunt.Accounts;

/// <summary>An account: staff, editor, board member or national editor. Steunpunt roles (editor, staff, board) belong
/// to one steunpunt through TenantId; national roles have none. Every account signs in with two steps.</summary>
public sealed class SteunpuntUser : IdentityUser
{
    public Guid? TenantId { get; set; }
    /// <summary>For a board member: the SWV (partnership) whose reports they read.</summary>
    public Guid? PartnershipId { get; set; }
    public string DisplayName { get; set; } = "";
}
