using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.Questions;

/// <summary>
/// A vraag from a parent or young person to the steunpunt. Only that steunpunt's staff may read it; its text is
/// encrypted at rest. (The intake form, personal link and staff inbox follow in issue #4.)
/// </summary>
public sealed class Question : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    [Confidential]
    public string Text { get; set; } = "";
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b) => b.HasIndex(q => q.ReceivedAt);
}

public static class QuestionsData
{
    extension(SteunpuntDb db)
    {
        public DbSet<Question> Questions => db.Set<Question>();
    }
}
