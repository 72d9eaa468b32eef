using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Tenancy;

public sealed class TenantIsolationTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly string[] s_publicPages =
    [
        "/", "/jongeren", "/begrippen", "/contact", "/sociale-kaart", "/bij-wie-moet-je-zijn", "/over-ons", "/privacy",
        "/toegankelijkheid", "/thema/thuiszitten-en-verzuim", "/zoeken?q=geheim", "/zoeken?q=thuis",
        "/voor-scholen", "/voor-scholen/folder", "/voor-scholen/poster", "/voor-scholen/blok",
        "/api/themas", "/api/informatie", "/api/begrippen", "/api/contact", "/api/openapi.json",
    ];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_steunpunt_never_shows_another_steunpunts_content(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        var secret = await app.AddItemAsync(a, "Geheime vraag van A over thuis", "Alleen voor A.");

        var client = app.Anonymous();
        foreach (var page in s_publicPages)
        {
            var response = await client.GetAsync(b.Path(page));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(a.Slug, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Geheime vraag van A", html, StringComparison.Ordinal);
            Assert.Contains(b.Slug, html, StringComparison.Ordinal);
        }
        var stolen = await client.GetAsync(b.Path($"/informatie/{secret.Slug}"));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        var own = await client.GetStringAsync(a.Path($"/informatie/{secret.Slug}"));
        Assert.Contains("Geheime vraag van A", own, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_national_site_shows_no_steunpunts_own_content(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var secret = await app.AddItemAsync(a, "Regionale vraag alleen voor A", "Alleen voor A.");

        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/informatie/{secret.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/contact")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/informatie/{secret.Slug}")).StatusCode);
        Assert.DoesNotContain(secret.Slug, await client.GetStringAsync("/api/informatie"), StringComparison.Ordinal);
        var search = await client.GetStringAsync("/zoeken?q=regionale");
        Assert.DoesNotContain("Regionale vraag alleen voor A", search, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_database_filter_scopes_every_tenant_owned_row(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        await app.AddItemAsync(a, "Eigen vraag van A", "Van A.");
        await app.AddItemAsync(b, "Eigen vraag van B", "Van B.");

        var seenFromB = await app.WithDbAsync(b.Id, async db => new
        {
            Organisations = await db.Organisations.Select(o => o.TenantId).Distinct().ToListAsync(),
            Pages = await db.RegionalPages.Select(o => o.TenantId).Distinct().ToListAsync(),
            Hours = await db.OpeningHours.Select(o => o.TenantId).Distinct().ToListAsync(),
            Schools = await db.Schools.Select(o => o.TenantId).Distinct().ToListAsync(),
            Items = await db.FaqItems.Where(f => f.TenantId != null).Select(o => o.TenantId).Distinct().ToListAsync(),
        });
        Assert.Equal([b.Id], seenFromB.Organisations);
        Assert.Equal([b.Id], seenFromB.Pages);
        Assert.Equal([b.Id], seenFromB.Hours);
        Assert.Equal([b.Id], seenFromB.Schools);
        Assert.Equal([b.Id], seenFromB.Items);
        // A, in turn, sees only its own rows; each steunpunt's rows exist and are not shown to the other.
        var seenFromA = await app.WithDbAsync(a.Id, db => db.Organisations.Select(o => o.TenantId).Distinct().ToListAsync());
        Assert.Equal([a.Id], seenFromA);

        var national = await app.WithDbAsync(null, db => db.Organisations.CountAsync());
        Assert.Equal(0, national);
    }

    [Fact]
    public async Task Every_tenant_owned_entity_carries_the_tenant_filter()
    {
        var app = await apps.ForAsync(Databases.Sqlite);
        var entities = await app.WithDbAsync(null, db => Task.FromResult(db.Model.GetEntityTypes().ToList()));
        var scoped = entities.Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) || typeof(INationalOrTenant).IsAssignableFrom(e.ClrType)).ToList();
        Assert.True(scoped.Count >= 9, $"Only {scoped.Count} tenant-scoped entities found.");
        Every.Item(scoped, e => Assert.NotNull(e.FindDeclaredQueryFilter(SteunpuntDb.TenantFilter)));
        // Entities with a TenantId column must use one of the two markers, so none escapes the filter. The
        // exceptions: accounts (resolved before a steunpunt is known), the change log that every instance reads to
        // refresh its cache and search index, and the mail outbox, which one worker sends for every steunpunt
        // (address and body encrypted, body cleared once sent; no page reads it).
        Type[] exempt = [typeof(Steunpunt.Accounts.SteunpuntUser), typeof(ContentChange), typeof(Steunpunt.Web.Mail.OutgoingMail)];
        Every.Item(entities.Where(e => e.FindProperty("TenantId") is not null && !exempt.Contains(e.ClrType)),
            e => Assert.Contains(e, scoped));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_row_saved_without_a_current_steunpunt_is_refused(string provider)
    {
        var app = await apps.ForAsync(provider);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(null, async db =>
        {
            db.Organisations.Add(new Organisation { Name = "Zwerver", Kind = "Wijkteam" });
            await db.SaveChangesAsync();
        }));
        Assert.Contains("needs a steunpunt", error.Message, StringComparison.Ordinal);
    }
}
