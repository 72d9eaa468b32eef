namespace Steunpunt.Information;

internal static partial class InformationLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Reading content changes failed; cached pages and search may be stale until the next check")]
    public static partial void StampCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Content item {ItemId} saved with status {Status} by user {UserId}")]
    public static partial void ItemSaved(ILogger logger, Guid itemId, ContentStatus status, string? userId);
}
