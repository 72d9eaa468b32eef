using System.Net;
using Steunpunt.Accounts;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Tenancy;

/// <summary>Pages only a steunpunt has do not exist on the national site: one folder convention, no handler checks.</summary>
public sealed class SteunpuntOnlyTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_steunpunts_own_pages_are_404_on_the_national_site_and_there_on_a_steunpunt(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var visitor = app.Anonymous();
        string[] pages = ["/vraag-stellen", "/gesprek", "/vertel", "/contact", "/sociale-kaart", "/over-ons", "/jullie-zeiden-wij-deden"];
        foreach (var page in pages)
        {
            Assert.True((await visitor.GetAsync(page)).StatusCode == HttpStatusCode.NotFound, $"{page} on the national site");
            Assert.True((await visitor.GetAsync(tenant.Path(page))).StatusCode == HttpStatusCode.OK, $"{page} on a steunpunt");
        }
        // Posting changes nothing either: the form is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.PostAsync("/vraag-stellen", new FormUrlEncodedContent([]))).StatusCode);

        // A national editor has no regional layer to edit.
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.NationalEditor, null), null);
        foreach (var page in new[] { "/beheer/zoekvragen", "/beheer/sociale-kaart", "/beheer/contact", "/beheer/pagina/over-ons" })
        {
            Assert.True((await editor.GetAsync(page)).StatusCode == HttpStatusCode.NotFound, $"{page} for a national editor");
        }
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/beheer/synoniemen")).StatusCode);
    }
}
