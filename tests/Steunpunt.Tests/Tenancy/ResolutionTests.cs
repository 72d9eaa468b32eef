using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
}
