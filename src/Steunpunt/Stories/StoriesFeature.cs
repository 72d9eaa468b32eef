using Steunpunt.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Privacy;

namespace Steunpunt.Stories;

/// <summary>Settings of the vertelpunt (section "Stories").</summary>
public sealed class StoriesOptions
{
    public const string Section = "Stories";

    /// <summary>Hours after approval until the teller's own words are deleted; only the approved text stays. 0 deletes
    /// them at approval. The pause lets a reviewer correct an approval the same day.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 24 * 14)]
    public int OriginalHoursAfterApproval { get; set; } = 24;
}

public static class StoriesFeature
{
    public static void AddStories(this WebApplicationBuilder builder)
    {
        // Anyone tells a story on a steunpunt's site; its staff review them.
        // PostConfigure: AddRazorPages (in AddWeb) makes a fresh convention collection when it sets up its options.
        builder.Services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToFolder("/Stories/Tell").SteunpuntOnlyFolder("/Stories/Tell");
            o.Conventions.AuthorizeFolder("/Stories/Review", Accounts.Policies.WorksHere);
        });
        builder.Services.AddScoped<Surface.ReviewedStories>();
        builder.Services.AddOptions<StoriesOptions>().BindConfiguration(StoriesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRetentionRule("story originals after approval", (services, now, ct) =>
            DeleteOriginalsAsync(services.GetRequiredService<SteunpuntDb>(), now - TimeSpan.FromHours(
                services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoriesOptions>>().Value.OriginalHoursAfterApproval), now, ct));
    }

    /// <summary>Deletes the teller's own words of stories approved before <paramref name="approvedBefore"/>, in every
    /// steunpunt, and of every story of a steunpunt removed before that moment (nobody will review those any more),
    /// and writes that in each steunpunt's audit log.</summary>
    public static async Task<int> DeleteOriginalsAsync(SteunpuntDb db, DateTimeOffset approvedBefore, DateTimeOffset now, CancellationToken ct)
    {
        var removed = await db.Tenants.AsNoTracking().Where(t => t.RemovedAt != null && t.RemovedAt <= approvedBefore).Select(t => t.Id).ToListAsync(ct);
        var due = await db.Stories.IgnoreQueryFilters([SteunpuntDb.TenantFilter])
            .Where(s => s.OriginalDeletedAt == null && ((s.ReviewedAt != null && s.ReviewedAt <= approvedBefore) || removed.Contains(s.TenantId)))
            .Take(500).ToListAsync(ct);
        foreach (var story in due)
        {
            DeleteOriginal(db, story, "automatisch", now);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>Clears the teller's own words (the approved text stays) and logs it.</summary>
    public static void DeleteOriginal(SteunpuntDb db, Story story, string who, DateTimeOffset now)
    {
        story.Moment = story.WhatHappened = story.Meaning = story.Needed = "";
        story.OriginalDeletedAt = now;
        db.CaseAudit.Add(new CaseAuditEntry { TenantId = story.TenantId, StoryId = story.Id, At = now, UserName = who, Action = CaseAction.VerhaalOrigineelVerwijderd });
    }
}
