using System.Net;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

public sealed class NotFoundTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Unknown_steunpunt_page_and_theme_give_a_plain_dutch_404_with_a_search_box(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        foreach (var url in new[] { "/bestaat-niet-steunpunt/contact", tenant.Path("/informatie/bestaat-niet"), tenant.Path("/thema/bestaat-niet"),
                     tenant.Path("/begrippen/bestaat-niet"), tenant.Path("/een/pad/dat/niet/bestaat"), "/contact" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Deze pagina bestaat niet", html, StringComparison.Ordinal);
            Assert.Contains("type=\"search\"", html, StringComparison.Ordinal);
            Assert.Contains("Naar de startpagina", html, StringComparison.Ordinal);
        }
        // Inside a steunpunt the 404 keeps that steunpunt's layout and links.
        var inside = await (await client.GetAsync(tenant.Path("/informatie/bestaat-niet"))).Content.ReadAsStringAsync();
        Assert.Contains(tenant.Name, inside, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Hostile_search_input_gives_a_calm_page(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        foreach (var q in new[] { "", new string('a', 10_000), "\u0001\u0002\u0007binair", "\"*:(tlv)", "<script>alert(1)</script>", "مدرسة" })
        {
            var response = await client.GetAsync(tenant.Path("/zoeken?q=" + Uri.EscapeDataString(q)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
