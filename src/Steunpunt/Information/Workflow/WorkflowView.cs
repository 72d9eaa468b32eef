namespace Steunpunt.Information.Workflow;

/// <summary>What the buttons under an editor's form need: the open draft, whether this site requires review, whether
/// the page is online, and who is looking (the writer of a text cannot approve it).</summary>
public sealed record WorkflowView(ContentDraft? Draft, bool ReviewRequired, bool Published, string UserId, string? FixNote)
{
    public bool MayApprove => Draft is { State: DraftState.TerReview } d && d.WrittenById != UserId;

    /// <summary>Publishing straight away is offered where no review is required, or for the approved text.</summary>
    public bool MayPublish => !ReviewRequired || Draft is { State: DraftState.Goedgekeurd };
}
