namespace Steunpunt.Accounts;

/// <summary>Role and policy names: the one place they are spelled.</summary>
public static class Policies
{
    /// <summary>Edits one steunpunt's information (only on that steunpunt's site).</summary>
    public const string Editor = "Editor";
    /// <summary>Edits the landelijke informatieset (only on the national site).</summary>
    public const string NationalEditor = "NationalEditor";

    /// <summary>Policy: an editor of the site being visited: the national site for a national editor, a steunpunt
    /// for that steunpunt's editor.</summary>
    public const string EditsThisSite = "EditsThisSite";

    public const string TenantClaim = "steunpunt";
}
