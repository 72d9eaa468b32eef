using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Information;
using Steunpunt.Seeding;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Seeding;

/// <summary>
/// A release that corrects the national set (the law changed, a mistake was found) reaches every installation, but
/// never overwrites what a national editor changed there. Its own app: these tests change national rows.
/// </summary>
public sealed class StarterSyncTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_new_release_corrects_untouched_national_text_and_keeps_edited_text(string provider)
    {
        var app = await apps.ForAsync(provider);
        var shipped = StarterContent.Load<List<StarterContent.FaqSeed>>("national-faq.json");
        var (old, edited, legacy, legacyEdited) = (shipped[0].Slug, shipped[1].Slug, shipped[2].Slug, shipped[3].Slug);
        var missing = shipped[4].Slug;
        await app.WithDbAsync(null, async db =>
        {
            var rows = await db.FaqItems.Where(f => f.TenantId == null).ToDictionaryAsync(f => f.Slug);
            // As an older release shipped it: the fingerprint matches the (old) text.
            rows[old].ShortAnswer = "Oude tekst uit een eerdere versie.";
            rows[old].SeededHash = StarterContent.Fingerprint(rows[old]);
            // Shipped by an older release, then changed by a national editor.
            rows[edited].ShortAnswer = "Oude tekst uit een eerdere versie.";
            rows[edited].SeededHash = StarterContent.Fingerprint(rows[edited]);
            rows[edited].ShortAnswer = "Door de landelijke redactie aangepast.";
            // Rows from before fingerprints existed: untouched (never saved after being added), or edited.
            rows[legacy].ShortAnswer = "Oude tekst zonder vingerafdruk.";
            rows[legacy].SeededHash = null;
            rows[legacyEdited].ShortAnswer = "Aangepast, zonder vingerafdruk.";
            rows[legacyEdited].SeededHash = null;
            db.FaqItems.Remove(rows[missing]);
            // This installation last took over an older release.
            (await db.Set<StarterRelease>().SingleAsync()).Fingerprint = "older release";
            await db.SaveChangesAsync();
            // The save stamped UpdatedAt; make the untouched legacy row look never edited again.
            await db.FaqItems.Where(f => f.Id == rows[legacy].Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.UpdatedAt, f => f.CreatedAt));
            await db.FaqItems.Where(f => f.Id == rows[legacyEdited].Id)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.CreatedAt, rows[legacyEdited].CreatedAt.AddDays(-1)));
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StarterContent>().SeedAsync();
        }

        var after = await app.WithDbAsync(null, db => db.FaqItems.AsNoTracking().Where(f => f.TenantId == null).ToDictionaryAsync(f => f.Slug));
        Assert.Equal(shipped[0].Answer, after[old].ShortAnswer);
        Assert.Equal("Door de landelijke redactie aangepast.", after[edited].ShortAnswer);
        Assert.Equal(shipped[2].Answer, after[legacy].ShortAnswer);
        Assert.Equal("Aangepast, zonder vingerafdruk.", after[legacyEdited].ShortAnswer);
        Assert.Equal(shipped[4].Answer, after[missing].ShortAnswer);
        Assert.Equal(StarterContent.Fingerprint(after[old]), after[old].SeededHash);
        Assert.Contains(app.Logs.Messages, l => l.Contains(edited, StringComparison.Ordinal) && l.Contains("was edited here", StringComparison.Ordinal));
        Assert.Equal(shipped.Count, after.Count);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_start_with_the_release_taken_over_already_leaves_the_national_set_alone(string provider)
    {
        var app = await apps.ForAsync(provider);
        var shipped = StarterContent.Load<List<StarterContent.FaqSeed>>("national-faq.json");
        var slug = shipped[5].Slug;
        var release = await app.WithDbAsync(null, db => db.Set<StarterRelease>().AsNoTracking().SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(release.Fingerprint, await scope.ServiceProvider.GetRequiredService<StarterContent>().FingerprintAsync(default));
        }
        await app.WithDbAsync(null, async db =>
        {
            // Text an older release shipped (its fingerprint matches), written below the app (no row is stamped as
            // changed): only a sync would correct it, and with this build and these rows a start has nothing to sync.
            var row = await db.FaqItems.AsNoTracking().SingleAsync(f => f.TenantId == null && f.Slug == slug);
            row.ShortAnswer = "Tekst die alleen een nieuwe versie vervangt.";
            var hash = StarterContent.Fingerprint(row);
            await db.FaqItems.Where(f => f.Id == row.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.ShortAnswer, row.ShortAnswer).SetProperty(f => f.SeededHash, hash));
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StarterContent>().SeedAsync();
        }

        var after = await app.WithDbAsync(null, db => db.FaqItems.AsNoTracking().SingleAsync(f => f.TenantId == null && f.Slug == slug));
        Assert.Equal("Tekst die alleen een nieuwe versie vervangt.", after.ShortAnswer);
        Assert.Equal(release.AppliedAt, (await app.WithDbAsync(null, db => db.Set<StarterRelease>().AsNoTracking().SingleAsync())).AppliedAt);

        // The same row with its fingerprint taken away: a start with another build syncs and corrects it.
        await app.WithDbAsync(null, db => db.Set<StarterRelease>().ExecuteUpdateAsync(u => u.SetProperty(r => r.Fingerprint, "another build")));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StarterContent>().SeedAsync();
        }
        after = await app.WithDbAsync(null, db => db.FaqItems.AsNoTracking().SingleAsync(f => f.TenantId == null && f.Slug == slug));
        Assert.Equal(shipped[5].Answer, after.ShortAnswer);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_national_item_removed_by_hand_is_back_after_the_next_start(string provider)
    {
        var app = await apps.ForAsync(provider);
        var shipped = StarterContent.Load<List<StarterContent.FaqSeed>>("national-faq.json");
        var slug = shipped[6].Slug;
        await app.WithDbAsync(null, async db =>
        {
            db.FaqItems.Remove(await db.FaqItems.SingleAsync(f => f.TenantId == null && f.Slug == slug));
            await db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StarterContent>().SeedAsync();
        }

        var back = await app.WithDbAsync(null, db => db.FaqItems.AsNoTracking().SingleOrDefaultAsync(f => f.TenantId == null && f.Slug == slug));
        Assert.NotNull(back);
        Assert.Equal(shipped[6].Answer, back.ShortAnswer);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_national_everyday_words_are_there_and_a_steunpunt_cannot_remove_them(string provider)
    {
        var app = await apps.ForAsync(provider);
        var words = StarterContent.Load<List<StarterContent.WordSeed>>("everyday-words.json");
        Assert.True(words.Count >= 25, $"{words.Count} everyday words");
        var national = await app.WithDbAsync(null, db => db.SearchSynonyms.AsNoTracking().Where(s => s.TenantId == null).ToListAsync());
        Assert.Equal(words.Count, national.Count);
        Assert.Contains(national, s => s.Word == "rugzakje");

        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Steunpunt.Accounts.Policies.Editor, tenant), tenant);
        var page = await editor.GetStringAsync(tenant.Path("/beheer/synoniemen"));
        Assert.Contains("rugzakje", page, StringComparison.Ordinal);
        var target = national.First(s => s.Word == "rugzakje");
        var response = await editor.PostAsync(tenant.Path($"/beheer/synoniemen?handler=Remove&id={target.Id}"),
            SteunpuntApp.FormFrom(page));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(null, db => db.SearchSynonyms.AnyAsync(s => s.Id == target.Id)));
    }
}
