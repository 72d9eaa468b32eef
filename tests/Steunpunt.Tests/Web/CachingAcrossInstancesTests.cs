using System.Diagnostics;
using Steunpunt.Accounts;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

public sealed class CachingAcrossInstancesTests
{
    [Fact]
    public async Task A_publish_through_one_instance_shows_through_the_other_within_seconds()
    {
        // Two app instances on one PostgreSQL database, as in a scaled-out installation.
        await using var first = await SteunpuntApp.StartAsync(Databases.Postgres);
        await using var second = await SteunpuntApp.StartAsync(Databases.Postgres, sharedConnection: first.ConnectionString);
        var tenant = await first.CreateTenantAsync();
        var page = tenant.Path("/thema/toetsen-en-examens");
        var visitor = second.Anonymous();

        var before = await visitor.GetStringAsync(page);
        Assert.Equal(before, await visitor.GetStringAsync(page)); // served, and cached, by the second instance

        var editor = await first.SignInAsync(await first.CreateUserAsync(Policies.Editor, tenant), tenant);
        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        var question = $"Extra tijd bij de centrale examens {Guid.NewGuid():N}";
        var saved = await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Question"] = question,
            ["Input.ShortAnswer"] = "Vraag het de examensecretaris.",
            ["Input.ThemeCode"] = "T12",
            ["Input.Audience"] = "Ouders",
            ["__RequestVerificationToken"] = SteunpuntApp.AntiforgeryToken(form),
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        var clock = Stopwatch.StartNew();
        string after;
        do
        {
            await Task.Delay(100);
            after = await visitor.GetStringAsync(page);
        }
        while (!after.Contains(question, StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.True(after.Contains(question, StringComparison.Ordinal), $"The second instance still served the old page after {clock.Elapsed}.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"It took {clock.Elapsed} to show.");

        // The second instance's search index has the new item too, without a restart. The page may show it a moment
        // before the index does (a page rendered after a cache eviction reads the database directly), so this waits
        // within the same few seconds.
        string search;
        do
        {
            search = await visitor.GetStringAsync(tenant.Path("/zoeken?q=" + Uri.EscapeDataString("centrale examens")));
        }
        while (!search.Contains(question, StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(5) && await Delay());
        Assert.True(search.Contains(question, StringComparison.Ordinal), $"The second instance's search did not find the new item after {clock.Elapsed}.");
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }

    [Fact]
    public async Task A_sign_in_cookie_from_one_instance_works_on_the_other()
    {
        await using var first = await SteunpuntApp.StartAsync(Databases.Postgres);
        await using var second = await SteunpuntApp.StartAsync(Databases.Postgres, sharedConnection: first.ConnectionString);
        var tenant = await first.CreateTenantAsync();
        var email = await first.CreateUserAsync(Policies.Editor, tenant);
        // Take the cookie over to the second instance: the Data Protection keys are shared through the database.
        var cookie = await first.SignInCookieAsync(email, tenant);
        var other = second.Anonymous();
        other.DefaultRequestHeaders.Add("Cookie", cookie);
        var page = await other.GetAsync(tenant.Path("/beheer"));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }
}
