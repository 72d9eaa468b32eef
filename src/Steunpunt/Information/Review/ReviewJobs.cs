using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Web;
using Steunpunt.Web.Mail;

namespace Steunpunt.Information.Review;

/// <summary>
/// Once a week, the editors of every site with pages to check get a mail that says how many are due and how many are
/// overdue, and where to look; never which pages or what they say.
/// </summary>
public sealed class ReviewReminders(IServiceScopeFactory scopes, Readiness readiness, TimeProvider clock, ILogger<ReviewReminders> log)
    : PeriodicJob(scopes, readiness, clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    // Nothing is urgent at start-up (and a short test run never sends one by itself).
    protected override bool RunAtStart => false;

    protected override Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) => SendAsync(services, now, ct);

    public static string WeekOf(DateOnly day) => $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";

    /// <summary>Sends this week's mail for every site that has pages due and had none this week; returns how many
    /// sites were told.</summary>
    public static async Task<int> SendAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<SteunpuntDb>();
        var today = WorkingDays.DutchDate(now);
        var week = WeekOf(today);
        var sites = new List<TenantEntry?> { null };
        sites.AddRange((await services.GetRequiredService<TenantDirectory>().GetAsync(ct)).BySlug.Values.DistinctBy(t => t.Id));
        // The editors of every site, read once (not once per site).
        var users = services.GetRequiredService<UserManager<SteunpuntUser>>();
        bool Reachable(SteunpuntUser u) => u.Email is not null && (u.LockoutEnd == null || u.LockoutEnd <= now);
        var nationalEditors = (await users.GetUsersInRoleAsync(Policies.NationalEditor)).Where(u => u.TenantId == null && Reachable(u)).ToList();
        var steunpuntEditors = (await users.GetUsersInRoleAsync(Policies.Editor)).Where(u => u.TenantId != null && Reachable(u)).ToLookup(u => u.TenantId!.Value);
        var told = 0;
        foreach (var site in sites)
        {
            var key = Search.SearchSource.KeyOf(site?.Id);
            if (await db.Set<ReviewReminderSent>().AnyAsync(r => r.Site == key && r.Week == week, ct))
            {
                continue;
            }
            await using var scope = services.CreateAsyncScope();
            var current = scope.ServiceProvider.GetRequiredService<CurrentTenant>();
            current.Set(site);
            var due = await scope.ServiceProvider.GetRequiredService<ReviewList>().DueAsync(today, ct);
            if (due.Count == 0)
            {
                continue;
            }
            var overdue = due.Count(e => e.Overdue(today));
            var editors = (site is null ? nationalEditors : steunpuntEditors[site.Id]).ToList();
            var link = scope.ServiceProvider.GetRequiredService<PublicAddress>().Link("/beheer#controleren");
            var siteDb = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
            foreach (var editor in editors)
            {
                siteDb.QueueMail(site?.Id, site?.Name ?? "Steunpunt (landelijk)", editor.Email!, "Pagina's om te controleren",
                    $"""
                    Er {(due.Count == 1 ? "is 1 pagina" : $"zijn {due.Count} pagina's")} om te controleren{(overdue > 0 ? $", waarvan {overdue} te laat" : "")}.

                    Kijk op het overzicht voor de redactie:
                    {link}
                    """, now);
            }
            siteDb.Add(new ReviewReminderSent { Site = key, Week = week, SentAt = now });
            try
            {
                await siteDb.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                continue; // another instance sent this week's mail at the same moment
            }
            told++;
        }
        if (told > 0)
        {
            services.GetRequiredService<MailSender>().Wake();
        }
        return told;
    }
}

/// <summary>Publishes the concepts an editor planned for a moment that has come: as if the editor pressed "Publiceren"
/// then (a version is kept, the pages and the search follow within a second).</summary>
public sealed class ScheduledPublishing(IServiceScopeFactory scopes, Readiness readiness, TimeProvider clock, ILogger<ScheduledPublishing> log)
    : PeriodicJob(scopes, readiness, clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct) => PublishDueAsync(services, now, ct);

    public static async Task<int> PublishDueAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<SteunpuntDb>();
        // A removed steunpunt publishes nothing any more.
        var candidates = await db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(f => f.Status == ContentStatus.Draft && f.PublishAt != null && f.PublishAt <= now && f.Layer == ContentLayer.Item
                && (f.TenantId == null || db.Set<Tenant>().Any(t => t.Id == f.TenantId && t.RemovedAt == null)))
            .Select(f => f.Id).ToListAsync(ct);
        var due = new List<FaqItem>();
        foreach (var id in candidates)
        {
            // Claim it: with two instances, only the one whose update hits the row publishes it.
            if (await db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).Where(f => f.Id == id && f.Status == ContentStatus.Draft && f.PublishAt != null)
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.PublishAt, (DateTimeOffset?)null), ct) == 1)
            {
                due.Add(await db.FaqItems.IgnoreQueryFilters([SteunpuntDb.TenantFilter]).SingleAsync(f => f.Id == id, ct));
            }
        }
        var today = WorkingDays.DutchDate(now);
        foreach (var item in due)
        {
            (item.Status, item.PublishAt, item.LastReviewedOn) = (ContentStatus.Published, null, today);
            await Versions.ContentVersions.KeepAsync(db, item, "automatisch (gepland)", now, ct);
            foreach (var draft in await db.Set<Workflow.ContentDraft>().IgnoreQueryFilters([SteunpuntDb.TenantFilter])
                .Where(d => d.Subject == Workflow.DraftSubject.Item && d.SubjectId == item.Id && d.OpenKey != null).ToListAsync(ct))
            {
                draft.Close(Workflow.DraftState.Gepubliceerd);
                (draft.PublishedBy, draft.PublishedAt) = ("automatisch (gepland)", now);
            }
            db.ContentChanges.Add(new ContentChange { TenantId = item.TenantId, ItemId = item.TenantId is null ? item.Id : null, At = now });
        }
        if (due.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            await services.GetRequiredService<ContentSync>().CatchUpAsync(ct);
        }
        return due.Count;
    }
}
