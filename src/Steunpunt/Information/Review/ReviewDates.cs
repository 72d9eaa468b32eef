using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Review;

/// <summary>
/// "Controleren vóór": every published page is checked again 12 months after its last check (3 for a page marked
/// time-sensitive). Publishing counts as a check, and so does "Gecontroleerd" on the editors' dashboard.
/// </summary>
public static class ReviewDates
{
    public const int Months = 12;
    public const int TimeSensitiveMonths = 3;
    /// <summary>How far ahead the dashboard lists what comes due.</summary>
    public const int SoonDays = 30;

    public static DateOnly DueOn(DateOnly lastReviewed, bool timeSensitive) => lastReviewed.AddMonths(timeSensitive ? TimeSensitiveMonths : Months);
}

/// <summary>One page to check: a FAQ item (own or national), a layer on a national item, or a regional page.</summary>
public sealed record ReviewEntry(string Kind, Guid Id, string Title, DateOnly DueOn, string Page, Dictionary<string, string> Route)
{
    /// <summary>Never checked since it was made (a new steunpunt's starter pages): due at once.</summary>
    public bool NeverReviewed => DueOn.Year < 100;

    public bool Overdue(DateOnly today) => DueOn < today;
}

/// <summary>What the current site's editors should check: overdue and coming due within <see cref="ReviewDates.SoonDays"/>.</summary>
public sealed class ReviewList(SteunpuntDb db, CurrentTenant tenant)
{
    public async Task<IReadOnlyList<ReviewEntry>> DueAsync(DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(ReviewDates.SoonDays);
        // A little wider in the database (month ends: 31 August + 3 months is 30 November), exact in memory below.
        var (normal, sensitive) = (horizon.AddMonths(-ReviewDates.Months).AddDays(3), horizon.AddMonths(-ReviewDates.TimeSensitiveMonths).AddDays(3));
        var items = await db.FaqItems.AsNoTracking()
            .Where(f => f.TenantId == tenant.Id && f.Status == ContentStatus.Published && f.Layer != ContentLayer.Hidden
                && (f.TimeSensitive ? f.LastReviewedOn <= sensitive : f.LastReviewedOn <= normal))
            .Select(f => new { f.Id, f.Layer, f.Question, f.NationalItemId, f.LastReviewedOn, f.TimeSensitive }).ToListAsync(ct);
        var nationalIds = items.Where(i => i.NationalItemId is not null).Select(i => i.NationalItemId!.Value).ToList();
        var nationalQuestions = await db.FaqItems.AsNoTracking().Where(f => nationalIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Question, ct);
        var entries = items.Select(i => i.Layer == ContentLayer.Item
            ? new ReviewEntry("Item", i.Id, i.Question, ReviewDates.DueOn(i.LastReviewedOn, i.TimeSensitive), "/Information/Editing/Edit", new() { ["id"] = i.Id.ToString() })
            : new ReviewEntry(i.Layer == ContentLayer.Supplement ? "Aanvulling" : "Eigen versie", i.Id,
                nationalQuestions.GetValueOrDefault(i.NationalItemId ?? Guid.Empty, i.Question), ReviewDates.DueOn(i.LastReviewedOn, i.TimeSensitive),
                "/Information/Editing/Layer", new() { ["id"] = i.NationalItemId?.ToString() ?? "" })).ToList();
        if (!tenant.IsNational)
        {
            var pages = await db.RegionalPages.AsNoTracking()
                .Where(p => p.Status == ContentStatus.Published && (p.TimeSensitive ? p.LastReviewedOn <= sensitive : p.LastReviewedOn <= normal))
                .ToListAsync(ct);
            entries.AddRange(pages.Select(p => new ReviewEntry("Pagina", p.Id, p.Title, ReviewDates.DueOn(p.LastReviewedOn, p.TimeSensitive),
                "/Information/Editing/RegionalPageEdit", new() { ["kind"] = Regional.RegionalTextModel.Routes.Single(r => r.Value == p.Kind).Key })));
        }
        return [.. entries.Where(e => e.DueOn <= horizon).OrderBy(e => e.DueOn).ThenBy(e => e.Title, StringComparer.Ordinal)];
    }

    /// <summary>"Gecontroleerd": the page was read again and is still right; its next check moves on.</summary>
    public async Task<bool> MarkReviewedAsync(Guid id, DateOnly today, CancellationToken ct)
    {
        var done = await db.FaqItems.Where(f => f.Id == id && f.TenantId == tenant.Id && f.Status == ContentStatus.Published)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.LastReviewedOn, today), ct);
        if (done == 0 && !tenant.IsNational)
        {
            done = await db.RegionalPages.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.LastReviewedOn, today), ct);
        }
        return done > 0;
    }
}

/// <summary>The week a site's editors were last told how many pages are due (one row per site and ISO week), so every
/// instance sends the weekly mail once.</summary>
public sealed class ReviewReminderSent
{
    public long Id { get; set; }
    /// <summary>The steunpunt's id ("N" format), or "national".</summary>
    public string Site { get; set; } = "";
    /// <summary>"2026-W48".</summary>
    public string Week { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class ReviewReminderSentConfiguration : IEntityTypeConfiguration<ReviewReminderSent>
{
    public void Configure(EntityTypeBuilder<ReviewReminderSent> b)
    {
        b.ToTable("ReviewReminders");
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.Property(r => r.Week).HasMaxLength(10);
        b.Property(r => r.Site).HasMaxLength(40);
        b.HasIndex(r => new { r.Site, r.Week }).IsUnique();
    }
}
