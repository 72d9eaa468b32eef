using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Articles;

/// <summary>
/// One answer to "Was dit nuttig?" under an article: ja or nee, on which site (a steunpunt's, or the national site with
/// no steunpunt), in which week, and after "nee" perhaps what the reader missed. Anonymous: no IP address, cookie,
/// account or exact time is stored; the text was refused when it held an e-mail address, phone number or BSN.
/// </summary>
public sealed class ArticleFeedback : INationalOrTenant
{
    // Not a version 7 id: that would carry the moment of the answer to the millisecond.
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The site the answer was given on; null: the national site.</summary>
    public Guid? TenantId { get; set; }
    /// <summary>The item the article shows (the national item for a national article, also where a steunpunt adapted it).</summary>
    public Guid FaqItemId { get; set; }
    public bool Useful { get; set; }
    /// <summary>The Monday of the week of the answer.</summary>
    public DateOnly Week { get; set; }
    /// <summary>Whether <see cref="Missed"/> holds text (a confidential column cannot be queried).</summary>
    public bool HasText { get; set; }
    /// <summary>"Wat miste u?" / "Wat miste je?": what the reader missed, as written.</summary>
    [Confidential]
    public string Missed { get; set; } = "";

    public const int MaxMissedLength = 1000;

    public static DateOnly WeekOf(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}

internal sealed class ArticleFeedbackConfiguration : IEntityTypeConfiguration<ArticleFeedback>
{
    public void Configure(EntityTypeBuilder<ArticleFeedback> b)
    {
        b.ToTable("ArticleFeedback");
        b.HasIndex(f => new { f.TenantId, f.FaqItemId });
        b.HasIndex(f => f.Week);
    }
}
