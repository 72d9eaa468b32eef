namespace Steunpunt.Accounts;

/// <summary>Role and policy names: the one place they are spelled.</summary>
public static class Policies
{
    /// <summary>Edits one steunpunt's information (only on that steunpunt's site).</summary>
    public const string Editor = "Editor";
    /// <summary>Edits the landelijke informatieset (only on the national site).</summary>
    public const string NationalEditor = "NationalEditor";

    /// <summary>Reads and answers one steunpunt's cases (only with two-step sign-in).</summary>
    public const string Staff = "Staff";
    /// <summary>A staff member who also manages the steunpunt's staff work: views the case audit log.</summary>
    public const string Coordinator = "Coordinator";
    /// <summary>A board member of an SWV: aggregates only, never a case (issue #5).</summary>
    public const string Board = "Board";

    /// <summary>Landelijk beheer: sets up steunpunten and takes them live (only on the national site, with two-step
    /// sign-in). Never reads a case or a story.</summary>
    public const string NationalAdmin = "NationalAdmin";

    /// <summary>The ministry (OCW) and the national programme: read the national monitor, aggregates only (only on the
    /// national site, with two-step sign-in). Never reads a case, a story or a steunpunt's own pages.</summary>
    public const string Ministry = "Ministry";

    /// <summary>A member of the national expert group (the "vliegende brigade"): answers the steunpunten's own questions
    /// about setting up and running a steunpunt, plans webinars and keeps the knowledge base (only on the national site,
    /// with two-step sign-in). Never reads a case or a story.</summary>
    public const string Expert = "Expert";

    public static readonly string[] AllRoles = [Editor, NationalEditor, Staff, Coordinator, Board, NationalAdmin, Ministry, Expert];

    /// <summary>Policy: the expert group, on the national site, signed in with two steps.</summary>
    public const string AnswersAsExpert = "AnswersAsExpert";

    /// <summary>Policy: the national administrator, on the national site, signed in with two steps.</summary>
    public const string AdministersNational = "AdministersNational";

    /// <summary>Policy: reads the national monitor: the national administrator or the ministry, on the national site,
    /// signed in with two steps.</summary>
    public const string ReadsMonitor = "ReadsMonitor";

    /// <summary>Policy: staff of the steunpunt being visited, signed in with two steps.</summary>
    public const string WorksHere = "WorksHere";
    /// <summary>Policy: the coordinator of the steunpunt being visited, signed in with two steps.</summary>
    public const string CoordinatesHere = "CoordinatesHere";

    /// <summary>The claim Identity adds after a two-step sign-in (RFC 8176 "amr").</summary>
    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";

    /// <summary>Policy: an editor of the site being visited: the national site for a national editor, a steunpunt
    /// for that steunpunt's editor.</summary>
    public const string EditsThisSite = "EditsThisSite";

    public const string TenantClaim = "steunpunt";
    /// <summary>A board member's SWV.</summary>
    public const string PartnershipClaim = "swv";

    /// <summary>Policy: reads the board reports and signal register of the steunpunt being visited: its staff (two
    /// steps), or a board member of one of its SWVs (who sees only that SWV).</summary>
    public const string ReadsReports = "ReadsReports";

    /// <summary>The authentication scheme of klankbord members (parents and youth who read drafts): a cookie of its own
    /// beside Identity's. The default scheme stays Identity's, so a member never meets the fallback or a staff policy.</summary>
    public const string PanelScheme = "Klankbord";
    /// <summary>The klankbord member's id.</summary>
    public const string PanelMemberClaim = "klankbord-lid";
    /// <summary>Policy: a klankbord member of the steunpunt being visited (scheme <see cref="PanelScheme"/>).</summary>
    public const string PanelMember = "PanelMember";
}
