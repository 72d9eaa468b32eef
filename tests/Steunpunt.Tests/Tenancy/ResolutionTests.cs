using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Tenancy;

public sealed class ResolutionTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_configured_host_name_resolves_the_steunpunt_without_a_path(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var host = $"{tenant.Slug}.voorbeeld.nl";
        await app.WithDbAsync(null, db => db.Tenants.Where(t => t.Id == tenant.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Hosts, host)));
        app.Services.GetRequiredService<TenantDirectory>().Invalidate();

        var client = app.Anonymous();
        client.DefaultRequestHeaders.Host = host;
        var html = await client.GetStringAsync("/contact");
        Assert.Contains(tenant.Name, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/contact\"", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_steunpunt_written_in_other_capitals_is_sent_on_to_its_own_address(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var shouted = "/" + tenant.Slug.ToUpperInvariant();
        var response = await client.GetAsync($"{shouted}/zoeken?q=thuiszitten");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{tenant.Slug}/zoeken?q=thuiszitten", response.Headers.Location!.OriginalString);
        // A form sent there is taken as it is (a redirect would lose what was typed), and the answer links to the
        // steunpunt's own address.
        var refused = await client.PostAsync($"{shouted}/vraag-stellen", new FormUrlEncodedContent([new("Input.Question", "")]));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains($"href=\"/{tenant.Slug}/begrippen\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(shouted + "/", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_path_fallback_keeps_links_inside_the_steunpunt(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();

        var redirect = await client.GetAsync("/" + tenant.Slug);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/{tenant.Slug}/", redirect.Headers.Location?.OriginalString);

        var html = await client.GetStringAsync($"/{tenant.Slug}/");
        Assert.Contains($"href=\"/{tenant.Slug}/contact\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{tenant.Slug}/begrippen\"", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_finder_finds_a_steunpunt_by_gemeente_and_by_school(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();

        var byGemeente = await client.GetStringAsync($"/?zoek=gemeente-{tenant.Slug}");
        Assert.Contains($"href=\"/{tenant.Slug}/\"", byGemeente, StringComparison.Ordinal);
        var bySchool = await client.GetStringAsync($"/?zoek=SCHOOL-{tenant.Slug.ToUpperInvariant()}");
        Assert.Contains($"href=\"/{tenant.Slug}/\"", bySchool, StringComparison.Ordinal);
        var nothing = await client.GetStringAsync("/?zoek=Atlantis-bestaat-niet");
        Assert.Contains("Geen steunpunt gevonden", nothing, StringComparison.Ordinal);
        var injection = await client.GetAsync("/?zoek=%25%27%22%3Cscript%3E");
        Assert.Equal(HttpStatusCode.OK, injection.StatusCode);
        Assert.DoesNotContain("<script>", await injection.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A steunpunt just set up answers at once, also to a visitor who comes while the list of steunpunten is being read
    /// for someone else. (Before, a request in the milliseconds of that read got the list from before the change: 404.)
    /// On PostgreSQL only, where a lock the test holds keeps that read waiting for as long as the test needs; the list
    /// and its bookkeeping live in the app's memory, the same for both databases.
    /// </summary>
    [Fact]
    public async Task A_new_steunpunt_answers_while_the_list_of_steunpunten_is_being_read()
    {
        var app = await apps.ForAsync(Databases.Postgres);
        var known = await app.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(known.Path("/contact"))).StatusCode); // the list is read
        var added = await app.CreateTenantAsync(); // the app is told the list changed

        var table = await app.WithDbAsync(null, db =>
        {
            var type = db.Model.FindEntityType(typeof(Tenant))!;
            return Task.FromResult($"\"{type.GetSchema() ?? "public"}\".\"{type.GetTableName()}\"");
        });
        await using var holder = new NpgsqlConnection(app.ConnectionString);
        await holder.OpenAsync();
        var held = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", holder, held))
        {
            await lockTable.ExecuteNonQueryAsync();
        }
        // The first visitor's request reads the list again and waits at the lock.
        var first = app.Anonymous().GetAsync(added.Path("/contact"));
        await using (var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = $1::regclass", holder, held))
        {
            waiting.Parameters.Add(new NpgsqlParameter { Value = table });
            var since = System.Diagnostics.Stopwatch.StartNew();
            while ((long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                Assert.True(since.Elapsed < TimeSpan.FromSeconds(10), "The list was not read again after the change.");
                await Task.Delay(20);
            }
        }
        // A second visitor meanwhile. Given a second to answer while the read still waits (the old list answered 404
        // at once, in well under that on a busy machine); then the read may go on.
        var second = app.Anonymous().GetAsync(added.Path("/contact"));
        var early = await Task.WhenAny(second, Task.Delay(1000)) == second;
        await held.CommitAsync();

        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.True((await second).StatusCode == HttpStatusCode.OK, $"The second visitor got {(await second).StatusCode}{(early ? " before the list was read" : "")}.");
        Assert.False(early, "The second visitor was answered before the list with the new steunpunt was read.");
    }
}
