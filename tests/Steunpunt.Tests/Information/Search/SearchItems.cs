using Steunpunt.Information;

namespace Steunpunt.Tests.Information.Search;

/// <summary>Published articles for tests that build a search index by hand.</summary>
internal static class SearchItems
{
    /// <summary>A published item of a steunpunt (national when <paramref name="tenant"/> is null), as a visitor sees it.</summary>
    public static Article Item(Guid? tenant, string question, string shortAnswer, Guid? id = null) =>
        new(new FaqItem { Id = id ?? Guid.NewGuid(), TenantId = tenant, Question = question, ShortAnswer = shortAnswer, Status = ContentStatus.Published }, null, null);
}
