using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Versions;

/// <summary>
/// What a page said when it was published, with who published it and when: every publish of a FAQ item (national or a
/// steunpunt's own), a steunpunt's layer on a national item, or a regional page keeps one. The text is kept as the
/// fields the editor fills in, so any two versions can be compared word by word and an old one put back in the form.
/// </summary>
public sealed class ContentVersion : INationalOrTenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; set; }
    /// <summary>The FAQ item (or layer row) or regional page this is a version of.</summary>
    public Guid SubjectId { get; set; }
    /// <summary>1, 2, 3 … per subject.</summary>
    public int Number { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The fields by their Dutch label, in the order the editor sees them (a JSON list of key/value pairs).</summary>
    public string FieldsJson { get; set; } = "[]";
    public string PublishedBy { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>A small fix published without review: what was corrected.</summary>
    public string? Note { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields =>
        JsonSerializer.Deserialize<List<KeyValuePair<string, string>>>(FieldsJson) ?? [];
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> b)
    {
        b.ToTable("ContentVersions");
        b.HasIndex(v => new { v.SubjectId, v.Number }).IsUnique();
        b.Property(v => v.Title).HasMaxLength(300);
        b.Property(v => v.PublishedBy).HasMaxLength(200);
        b.Property(v => v.Note).HasMaxLength(500);
    }
}

/// <summary>Keeps a version at every publish: call <see cref="KeepAsync(SteunpuntDb, FaqItem, string, DateTimeOffset, CancellationToken, string?)"/> before the save that publishes.</summary>
public static class ContentVersions
{
    public static IReadOnlyList<KeyValuePair<string, string>> FieldsOf(FaqItem item) => item.Layer switch
    {
        ContentLayer.Supplement => [new("In onze regio", item.Supplement)],
        ContentLayer.Hidden => [new("Keuze", "niet tonen")],
        _ =>
        [
            new("Vraag", item.Question), new("Kort antwoord", item.ShortAnswer), new("Meer uitleg", item.Explanation),
            new("Wat kun je doen?", item.WhatYouCanDo), new("Bij wie moet je zijn?", item.WhoToGoTo), new("Bronnen", item.Sources),
        ],
    };

    /// <summary>All a page's text as one string (to count the words a change touches).</summary>
    public static string TextOf(FaqItem item) => string.Join("\n\n", FieldsOf(item).Select(f => f.Value));

    public static IReadOnlyList<KeyValuePair<string, string>> FieldsOf(RegionalPage page) => [new("Titel", page.Title), new("Tekst", page.Body)];

    /// <summary>Adds the next version of a subject to the unit of work (saved with the publish itself).</summary>
    public static async Task KeepAsync(SteunpuntDb db, Guid? tenantId, Guid subjectId, string title, IReadOnlyList<KeyValuePair<string, string>> fields,
        string who, DateTimeOffset now, CancellationToken ct, string? note = null)
    {
        var latest = await db.Set<ContentVersion>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).AsNoTracking().Where(v => v.SubjectId == subjectId)
            .OrderByDescending(v => v.Number).Select(v => new { v.Number, v.FieldsJson }).FirstOrDefaultAsync(ct);
        var json = JsonSerializer.Serialize(fields);
        if (latest?.FieldsJson == json)
        {
            return; // published again unchanged: the last version already says this
        }
        var last = latest?.Number ?? 0;
        var pending = db.ChangeTracker.Entries<ContentVersion>().Where(e => e.State == EntityState.Added && e.Entity.SubjectId == subjectId)
            .Select(e => e.Entity.Number).DefaultIfEmpty(0).Max();
        db.Add(new ContentVersion
        {
            TenantId = tenantId,
            SubjectId = subjectId,
            Number = Math.Max(last, pending) + 1,
            Title = title.Length > 300 ? title[..300] : title,
            FieldsJson = json,
            PublishedBy = who.Length > 200 ? who[..200] : who,
            PublishedAt = now,
            Note = note is null ? null : note.Length > 500 ? note[..500] : note,
        });
    }

    public static Task KeepAsync(SteunpuntDb db, FaqItem item, string who, DateTimeOffset now, CancellationToken ct, string? note = null) =>
        KeepAsync(db, item.TenantId, item.Id, item.Layer == ContentLayer.Item || item.Layer == ContentLayer.Override ? item.Question : item.Layer == ContentLayer.Supplement ? "In onze regio" : "Niet tonen",
            FieldsOf(item), who, now, ct, note);

    public static Task KeepAsync(SteunpuntDb db, RegionalPage page, string who, DateTimeOffset now, CancellationToken ct, string? note = null) =>
        KeepAsync(db, page.TenantId, page.Id, page.Title, FieldsOf(page), who, now, ct, note);

    public static string Who(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst("name")?.Value is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
}
