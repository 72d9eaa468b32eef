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
    /// <summary>A small fix changes at most this many words (a replaced word counts once).</summary>
    public const int SmallFixWords = 10;

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public enum Outcome
    {
        Ok,
        /// <summary>The writer of the text cannot approve it.</summary>
        OwnText,
        /// <summary>The site requires review and this text was not approved.</summary>
        NotApproved,
        /// <summary>Someone changed (or closed) the draft since the editor opened it.</summary>
        Changed,
        /// <summary>Approving, but the form differs from the draft (the approver changed it first).</summary>
        Edited,
        /// <summary>Approving a text that was not offered for review.</summary>
        NotSubmitted,
        /// <summary>Published as a small fix without a note.</summary>
        NoNote,
        /// <summary>Published as a small fix, but it changes too many words, or more than words.</summary>
        TooBigForFix,
        /// <summary>A small fix of a page that is not online: a new page always needs review.</summary>
        NothingToFix,
    }

    /// <summary>What an editor asked for with the buttons under a text.</summary>
    public enum EditorAction
    {
        /// <summary>"Opslaan als concept" (or "Opslaan" while in review).</summary>
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

    /// <summary>The text as it is online and as the form has it, for the small-fix rule: the words, and everything
    /// else that decides where and for whom the page shows (theme, audience, address, layer kind…).</summary>
    public sealed record Comparison(bool Online, string PublishedText, string NewText, string PublishedShape, string NewShape);

    public sealed record Setting(bool ReviewRequired, string ChangedBy, DateTimeOffset? ChangedAt);

    public async Task<bool> ReviewRequiredAsync(CancellationToken ct = default) => (await SettingAsync(ct)).ReviewRequired;

    public async Task<Setting> SettingAsync(CancellationToken ct = default)
    {
        var site = Search.SearchSource.KeyOf(tenant.Id);
        var row = await db.Set<EditorialSettings>().AsNoTracking().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).FirstOrDefaultAsync(s => s.Site == site, ct);
        return row is null ? new Setting(false, "", null) : new Setting(row.ReviewRequired, row.ChangedBy, row.UpdatedAt);
    }

    /// <summary>Only a steunpunt's coordinator, or on the national site a national administrator, decides this.</summary>
    public bool MayChooseReview(ClaimsPrincipal user) => tenant.Id is { } id
        ? user.IsInRole(Accounts.Policies.Coordinator) && user.HasClaim(Accounts.Policies.TenantClaim, id.ToString())
        : user.IsInRole(Accounts.Policies.NationalAdmin);

    public async Task SetReviewRequiredAsync(bool required, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var site = Search.SearchSource.KeyOf(tenant.Id);
        var settings = await db.Set<EditorialSettings>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).FirstOrDefaultAsync(s => s.Site == site, ct);
        if (settings is null)
        {
            settings = new EditorialSettings { TenantId = tenant.Id, Site = site };
            db.Add(settings);
        }
        (settings.ReviewRequired, settings.ChangedBy) = (required, Clip(Versions.ContentVersions.Who(user), 200));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The open draft of a page on this site (tracked), if there is one.</summary>
    public Task<ContentDraft?> OpenAsync(DraftSubject subject, Guid subjectId, CancellationToken ct = default)
    {
        var key = ContentDraft.KeyOf(tenant.Id, subject, subjectId);
        return db.Set<ContentDraft>().FirstOrDefaultAsync(d => d.OpenKey == key && d.TenantId == tenant.Id, ct);
    }

    /// <summary>One draft of this site, open or not.</summary>
    public Task<ContentDraft?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Set<ContentDraft>().FirstOrDefaultAsync(d => d.Id == id && d.TenantId == tenant.Id, ct);

    /// <summary>This site's open drafts: those waiting for a colleague's review first, then approved ones, then concepts.</summary>
    public async Task<IReadOnlyList<ContentDraft>> OpenListAsync(CancellationToken ct = default) =>
        (await db.Set<ContentDraft>().AsNoTracking().Where(d => d.TenantId == tenant.Id && d.OpenKey != null).ToListAsync(ct))
            .OrderBy(d => d.State switch { DraftState.TerReview => 0, DraftState.Goedgekeurd => 1, _ => 2 }).ThenByDescending(d => d.WrittenAt).ToList();

    public static string Serialize<T>(T fields) => JsonSerializer.Serialize(fields, Json);

    /// <summary>
    /// The one place the workflow decides for the three editors (items, layers, regional pages). Every action first
    /// checks that the editor read the draft as it is now (<paramref name="revision"/>). Saving and submitting keep
    /// the text as the open draft; approving approves the draft as it was read; publishing answers whether the caller
    /// may now put the text online (the caller does that, then calls <see cref="PublishedAsync"/>).
    /// </summary>
    public async Task<(Outcome Outcome, ContentDraft? Draft)> ActAsync(EditorAction action, DraftSubject subject, Guid subjectId, string title, string fieldsJson,
        Comparison comparison, ClaimsPrincipal user, int? revision, string? fixNote, CancellationToken ct)
    {
        var draft = await OpenAsync(subject, subjectId, ct);
        if (draft is not null && draft.Revision != revision)
        {
            return (Outcome.Changed, draft); // a colleague saved, approved or started a draft after this form was opened
        }
        switch (action)
        {
            case EditorAction.Save or EditorAction.Submit:
                return (Outcome.Ok, Save(draft, subject, subjectId, title, fieldsJson, user, action == EditorAction.Submit));
            case EditorAction.Approve:
                if (draft is null)
                {
                    return (Outcome.Changed, draft);
                }
                if (draft.FieldsJson != fieldsJson)
                {
                    return (Outcome.Edited, draft);
                }
                if (draft.State != DraftState.TerReview)
                {
                    return (Outcome.NotSubmitted, draft);
                }
                var id = UserId(user);
                if (id.Length == 0 || id == draft.WrittenById)
                {
                    return (Outcome.OwnText, draft);
                }
                (draft.State, draft.ApprovedBy, draft.ApprovedById, draft.ApprovedAt) = (DraftState.Goedgekeurd, Clip(Versions.ContentVersions.Who(user), 200), Clip(id, 100), clock.GetUtcNow());
                return (Outcome.Ok, draft);
            default:
                return (MayPublish(await ReviewRequiredAsync(ct), draft, fieldsJson, comparison, action == EditorAction.Fix ? fixNote ?? "" : null), draft);
        }
    }

    /// <summary>
    /// Whether this text may go online now: always where review is not required; else when it is the approved text
    /// of the open draft, or a small fix of a page that is online: only words changed (at most
    /// <see cref="SmallFixWords"/>), nothing of where or for whom it shows, with a note.
    /// </summary>
    public static Outcome MayPublish(bool reviewRequired, ContentDraft? draft, string fieldsJson, Comparison comparison, string? fixNote)
    {
        if (!reviewRequired || draft is { State: DraftState.Goedgekeurd } && draft.FieldsJson == fieldsJson)
        {
            return Outcome.Ok;
        }
        if (fixNote is null)
        {
            return Outcome.NotApproved;
        }
        if (!comparison.Online)
        {
            return Outcome.NothingToFix;
        }
        if (string.IsNullOrWhiteSpace(fixNote))
        {
            return Outcome.NoNote;
        }
        return comparison.PublishedShape != comparison.NewShape || ChangedWords(comparison.PublishedText, comparison.NewText) > SmallFixWords
            ? Outcome.TooBigForFix : Outcome.Ok;
    }

    /// <summary>How many words a change touches: a replaced word counts once (the larger of words out and words in).</summary>
    public static int ChangedWords(string before, string after)
    {
        var pieces = Releases.WordDiff.Pieces(before, after);
        int Count(DiffPlex.DiffBuilder.Model.ChangeType type) =>
            pieces.Where(p => p.Type == type).Sum(p => p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        return Math.Max(Count(DiffPlex.DiffBuilder.Model.ChangeType.Deleted), Count(DiffPlex.DiffBuilder.Model.ChangeType.Inserted));
    }

    /// <summary>
    /// The page went online with this text: the open draft is done when the editor worked on it (the form showed the
    /// draft) or it is this very text. Published from an old version put back in the form, a draft with another text
    /// (a colleague's rewrite) stays open. Call before the save that publishes.
    /// </summary>
    public async Task PublishedAsync(DraftSubject subject, Guid subjectId, string fieldsJson, bool fromOldVersion, ClaimsPrincipal user, string? fixNote, CancellationToken ct)
    {
        if (await OpenAsync(subject, subjectId, ct) is not { } draft || fromOldVersion && draft.FieldsJson != fieldsJson)
        {
            return;
        }
        draft.Close(DraftState.Gepubliceerd);
        (draft.PublishedBy, draft.PublishedAt, draft.FixNote) =
            (Clip(Versions.ContentVersions.Who(user), 200), clock.GetUtcNow(), fixNote is null ? null : Clip(fixNote.Trim(), 500));
    }

    /// <summary>Throws the open draft away: the published page stays as it is.</summary>
    public async Task<bool> DiscardAsync(DraftSubject subject, Guid subjectId, CancellationToken ct)
    {
        if (await OpenAsync(subject, subjectId, ct) is not { } draft)
        {
            return false;
        }
        draft.Close(DraftState.Vervallen);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>What the editor's page says after the redirect (see _Saved.cshtml).</summary>
    public static string SavedNote(EditorAction action, ContentDraft? draft) => action switch
    {
        EditorAction.Submit => "review",
        EditorAction.Approve => "goedgekeurd",
        EditorAction.Publish or EditorAction.Fix => draft is { IsOpen: true } ? "gepubliceerd-concept-blijft" : "gepubliceerd",
        _ => draft?.State == DraftState.TerReview ? "review-opgeslagen" : "concept",
    };

    /// <summary>The refusal in plain Dutch, for the form.</summary>
    public static string Message(Outcome outcome) => outcome switch
    {
        Outcome.OwnText => "U schreef deze tekst zelf. Een andere redacteur moet hem goedkeuren.",
        Outcome.NotApproved => "Hier keurt een andere redacteur een tekst eerst goed. Kies ‘Ter review aanbieden’.",
        Outcome.Changed => "Iemand anders heeft deze tekst veranderd nadat u hem opende. Uw tekst is niet opgeslagen: hij staat nog "
            + "in het formulier. Open de pagina opnieuw om de nieuwe tekst te zien.",
        Outcome.Edited => "U veranderde de tekst. Sla hem eerst op. Daarna keurt een andere redacteur hem goed.",
        Outcome.NotSubmitted => "Deze tekst is nog niet aangeboden voor review. De schrijver kiest eerst ‘Ter review aanbieden’.",
        Outcome.NoNote => "Schrijf kort wat u verbeterde, bijvoorbeeld ‘tikfout in de tweede zin’.",
        Outcome.TooBigForFix => $"Dit is meer dan een kleine correctie. Een kleine correctie verandert hoogstens {SmallFixWords} woorden, "
            + "en niet het thema, de doelgroep, het webadres of de keuze voor de regio. Kies ‘Ter review aanbieden’.",
        Outcome.NothingToFix => "Deze pagina staat nog niet online. Een nieuwe pagina gaat altijd eerst naar review.",
        _ => "",
    };

    /// <summary>The form field a refusal belongs to.</summary>
    public static string FieldOf(Outcome outcome) => outcome is Outcome.NoNote or Outcome.TooBigForFix or Outcome.NothingToFix ? "FixNote" : "Workflow";

    public static string Describe(ContentDraft draft) => draft.State switch
    {
        DraftState.Concept => "Concept",
        DraftState.TerReview => "Ter review",
        DraftState.Goedgekeurd => $"Goedgekeurd door {draft.ApprovedBy}",
        DraftState.Gepubliceerd => "Gepubliceerd",
        _ => "Vervallen",
    };

    public static string UserId(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";

    /// <summary>
    /// Keeps the form as the page's open draft (a new one when there is none). A change of the text counts as a new
    /// revision by this user; a changed text that was approved goes back to concept, since the approval was of the old
    /// text. With <paramref name="submit"/> the draft goes to review.
    /// </summary>
    private ContentDraft Save(ContentDraft? draft, DraftSubject subject, Guid subjectId, string title, string fieldsJson, ClaimsPrincipal user, bool submit)
    {
        var now = clock.GetUtcNow();
        if (draft is null)
        {
            draft = new ContentDraft
            {
                TenantId = tenant.Id,
                Subject = subject,
                SubjectId = subjectId,
                OpenKey = ContentDraft.KeyOf(tenant.Id, subject, subjectId),
                FieldsJson = fieldsJson,
                Revision = 1,
            };
            Written(draft, user, now);
            db.Add(draft);
        }
        else if (draft.FieldsJson != fieldsJson)
        {
            draft.FieldsJson = fieldsJson;
            draft.Revision++;
            Written(draft, user, now);
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

    private static void Written(ContentDraft draft, ClaimsPrincipal user, DateTimeOffset now) =>
        (draft.WrittenBy, draft.WrittenById, draft.WrittenAt) = (Clip(Versions.ContentVersions.Who(user), 200), Clip(UserId(user), 100), now);

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
