namespace Steunpunt.Questions;

/// <summary>Log events of the Steunen pillar: ids and counts only, never what anyone wrote or how to reach them.</summary>
internal static partial class QuestionsLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Question {CaseId} received for steunpunt {TenantId}")]
    public static partial void QuestionReceived(ILogger logger, Guid caseId, Guid tenantId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Requester replied in case {CaseId}")]
    public static partial void RequesterReplied(ILogger logger, Guid caseId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Case {CaseId}: {Action} by user {UserId}")]
    public static partial void CaseChanged(ILogger logger, Guid caseId, Privacy.CaseAction action, string userId);
}
