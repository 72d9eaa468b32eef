using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Workflow;

/// <summary>
/// The way a new text goes online: concept → ter review → goedgekeurd → gepubliceerd. The editors' pages save the form
/// here as the page's open draft; the published page changes only when the draft is published. Where a site requires
/// review, only an approved text (by a colleague, not its writer) goes online, or a small fix with a note.
/// </summary>
public sealed class Drafts(SteunpuntDb db, CurrentTenant tenant, TimeProvider clock)
{
    /// <summary>A small fix changes at most this many words.</summary>
    public const int SmallFixWords = 10;

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public enum Outcome
    {
        Ok,
        /// <summary>The writer of the text cannot approve it.</summary>
        OwnText,
        /// <summary>The site requires review and this text was not approved.</summary>
        NotApproved,
        /// <summary>The text changed since the reader opened it.</summary>
        Changed,
        /// <summary>Approving, but the form differs from the draft (the approver changed it first).</summary>
        Edited,
        /// <summary>Published as a small fix, but without a note or with too many changed words.</summary>
        NoNote,
        TooBigForFix,
    }

    public async Task<bool> ReviewRequiredAsync(CancellationToken ct = default) =>
        await db.Set<EditorialSettings>().AsNoTracking().Where(s => s.TenantId == tenant.Id).Select(s => s.ReviewRequired).FirstOrDefaultAsync(ct);

    public async Task SetReviewRequiredAsync(bool required, CancellationToken ct = default)
    {
        var settings = await db.Set<EditorialSettings>().FirstOrDefaultAsync(s => s.TenantId == tenant.Id, ct);
        if (settings is null)
        {
            settings = new EditorialSettings { TenantId = tenant.Id };
            db.Add(settings);
        }
        settings.ReviewRequired = required;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The open draft of a page on this site (tracked), if there is one.</summary>
    public Task<ContentDraft?> OpenAsync(DraftSubject subject, Guid subjectId, CancellationToken ct = default) =>
        db.Set<ContentDraft>().Where(d => d.TenantId == tenant.Id && d.Subject == subject && d.SubjectId == subjectId && d.State < DraftState.Gepubliceerd)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>One draft of this site, open or not.</summary>
    public Task<ContentDraft?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Set<ContentDraft>().FirstOrDefaultAsync(d => d.Id == id && d.TenantId == tenant.Id, ct);

    /// <summary>This site's open drafts, the ones waiting for a colleague first.</summary>
    public async Task<IReadOnlyList<ContentDraft>> OpenListAsync(CancellationToken ct = default) =>
        (await db.Set<ContentDraft>().AsNoTracking().Where(d => d.TenantId == tenant.Id && d.State < DraftState.Gepubliceerd).ToListAsync(ct))
            .OrderByDescending(d => d.State).ThenByDescending(d => d.UpdatedAt).ToList();

    public static string Serialize<T>(T fields) => JsonSerializer.Serialize(fields, Json);

    /// <summary>
    /// Keeps the form as the page's open draft (a new one when there is none). A change of the text counts as a new
    /// revision by this user; a changed text that was approved goes back to concept, since the approval was of the old
    /// text. With <paramref name="submit"/> the draft goes to review.
    /// </summary>
    public async Task<ContentDraft> SaveAsync(DraftSubject subject, Guid subjectId, string title, string fieldsJson, ClaimsPrincipal user, bool submit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var draft = await OpenAsync(subject, subjectId, ct);
        if (draft is null)
        {
            draft = new ContentDraft { TenantId = tenant.Id, Subject = subject, SubjectId = subjectId, FieldsJson = fieldsJson, Revision = 1 };
            Written(draft, user);
            db.Add(draft);
        }
        else if (draft.FieldsJson != fieldsJson)
        {
            draft.FieldsJson = fieldsJson;
            draft.Revision++;
            Written(draft, user);
            if (draft.State == DraftState.Goedgekeurd)
            {
                (draft.State, draft.ApprovedBy, draft.ApprovedById, draft.ApprovedAt) = (DraftState.Concept, null, null, null);
            }
        }
        draft.Title = Clip(title, 300);
        if (submit && draft.State == DraftState.Concept)
        {
            (draft.State, draft.SubmittedAt) = (DraftState.TerReview, now);
        }
        return draft;
    }

    /// <summary>A colleague approves the exact text they read (<paramref name="revision"/>).</summary>
    public Outcome Approve(ContentDraft draft, int revision, ClaimsPrincipal user)
    {
        if (draft.Revision != revision || !draft.IsOpen)
        {
            return Outcome.Changed;
        }
        var id = UserId(user);
        if (id.Length == 0 || id == draft.WrittenById)
        {
            return Outcome.OwnText;
        }
        (draft.State, draft.ApprovedBy, draft.ApprovedById, draft.ApprovedAt) = (DraftState.Goedgekeurd, Clip(Versions.ContentVersions.Who(user), 200), Clip(id, 100), clock.GetUtcNow());
        return Outcome.Ok;
    }

    /// <summary>
    /// Whether this text may go online now: always where review is not required; else when it is the approved text
    /// of the open draft, or a small fix (at most <see cref="SmallFixWords"/> words changed against the published
    /// text) with a note.
    /// </summary>
    public static Outcome MayPublish(bool reviewRequired, ContentDraft? draft, string fieldsJson, string publishedText, string newText, string? fixNote)
    {
        if (!reviewRequired || draft is { State: DraftState.Goedgekeurd } && draft.FieldsJson == fieldsJson)
        {
            return Outcome.Ok;
        }
        if (fixNote is null)
        {
            return Outcome.NotApproved;
        }
        if (string.IsNullOrWhiteSpace(fixNote))
        {
            return Outcome.NoNote;
        }
        return ChangedWords(publishedText, newText) > SmallFixWords ? Outcome.TooBigForFix : Outcome.Ok;
    }

    public static int ChangedWords(string before, string after) =>
        Releases.WordDiff.Pieces(before, after).Where(p => p.Type != DiffPlex.DiffBuilder.Model.ChangeType.Unchanged)
            .Sum(p => p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);

    /// <summary>The page went online with this text: the open draft (if any) is done. Call before the save that publishes.</summary>
    public async Task PublishedAsync(DraftSubject subject, Guid subjectId, ClaimsPrincipal user, string? fixNote, CancellationToken ct)
    {
        if (await OpenAsync(subject, subjectId, ct) is not { } draft)
        {
            return;
        }
        (draft.State, draft.PublishedBy, draft.PublishedAt, draft.FixNote) =
            (DraftState.Gepubliceerd, Clip(Versions.ContentVersions.Who(user), 200), clock.GetUtcNow(), fixNote is null ? null : Clip(fixNote.Trim(), 500));
    }

    /// <summary>Throws the open draft away: the published page stays as it is.</summary>
    public async Task<bool> DiscardAsync(DraftSubject subject, Guid subjectId, CancellationToken ct)
    {
        if (await OpenAsync(subject, subjectId, ct) is not { } draft)
        {
            return false;
        }
        draft.State = DraftState.Vervallen;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>What an editor asked for with the buttons under a text.</summary>
    public enum EditorAction
    {
        /// <summary>"Opslaan als concept".</summary>
        Save,
        /// <summary>"Ter review aanbieden".</summary>
        Submit,
        /// <summary>"Goedkeuren".</summary>
        Approve,
        /// <summary>"Publiceren".</summary>
        Publish,
        /// <summary>"Kleine correctie publiceren".</summary>
        Fix,
    }

    /// <summary>
    /// The one place the workflow decides for the three editors (items, layers, regional pages). Saving and submitting
    /// keep the text as the open draft; approving approves the draft as it was read; publishing answers whether the
    /// caller may now put the text online (the caller does that, then calls <see cref="PublishedAsync"/>).
    /// </summary>
    public async Task<(Outcome Outcome, ContentDraft? Draft)> ActAsync(EditorAction step, DraftSubject subject, Guid subjectId, string title, string fieldsJson,
        string publishedText, string newText, ClaimsPrincipal user, int? revision, string? fixNote, CancellationToken ct)
    {
        switch (step)
        {
            case EditorAction.Save or EditorAction.Submit:
                return (Outcome.Ok, await SaveAsync(subject, subjectId, title, fieldsJson, user, step == EditorAction.Submit, ct));
            case EditorAction.Approve:
                {
                    var draft = await OpenAsync(subject, subjectId, ct);
                    if (draft is null || draft.FieldsJson != fieldsJson)
                    {
                        return (Outcome.Edited, draft);
                    }
                    return (Approve(draft, revision ?? 0, user), draft);
                }
            default:
                {
                    var draft = await OpenAsync(subject, subjectId, ct);
                    var outcome = MayPublish(await ReviewRequiredAsync(ct), draft, fieldsJson, publishedText, newText, step == EditorAction.Fix ? fixNote ?? "" : null);
                    return (outcome, draft);
                }
        }
    }

    /// <summary>What the editor's page says after the redirect (see _Saved.cshtml).</summary>
    public static string SavedNote(EditorAction step) => step switch
    {
        EditorAction.Submit => "review",
        EditorAction.Approve => "goedgekeurd",
        EditorAction.Publish or EditorAction.Fix => "gepubliceerd",
        _ => "concept",
    };

    /// <summary>The refusal in plain Dutch, for the form.</summary>
    public static string Message(Outcome outcome) => outcome switch
    {
        Outcome.OwnText => "U schreef deze tekst zelf. Een collega moet hem goedkeuren.",
        Outcome.NotApproved => "Bij dit steunpunt keurt een collega een tekst eerst goed. Kies ‘Ter review aanbieden’. Is het een kleine "
            + "correctie, zoals een tikfout? Schrijf dan wat u verbeterde en kies ‘Kleine correctie publiceren’.",
        Outcome.Changed => "Iemand heeft de tekst veranderd nadat u hem opende. Lees de nieuwe tekst en keur hem dan goed.",
        Outcome.Edited => "U veranderde de tekst. Sla hem eerst op als concept. Daarna keurt een collega hem goed.",
        Outcome.NoNote => "Schrijf kort wat u verbeterde, bijvoorbeeld ‘tikfout in de tweede zin’.",
        Outcome.TooBigForFix => $"Dit is meer dan een kleine correctie: er veranderen meer dan {SmallFixWords} woorden. Kies ‘Ter review aanbieden’.",
        _ => "",
    };

    public static string Describe(ContentDraft draft) => draft.State switch
    {
        DraftState.Concept => "Concept",
        DraftState.TerReview => "Ter review",
        DraftState.Goedgekeurd => $"Goedgekeurd door {draft.ApprovedBy}",
        DraftState.Gepubliceerd => "Gepubliceerd",
        _ => "Vervallen",
    };

    public static string UserId(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";

    private static void Written(ContentDraft draft, ClaimsPrincipal user) =>
        (draft.WrittenBy, draft.WrittenById) = (Clip(Versions.ContentVersions.Who(user), 200), Clip(UserId(user), 100));

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
