using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Stories;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>
/// People read names, not the codes the app stores: every page that shows or offers a theme shows its name (the
/// code may stay an option's value), for editors, staff, the expert group and the national pages alike; and what a
/// teller chose reads as Dutch words, not as an enum's name. (The inbox, case, story and signal pages are checked in
/// InboxAtAGlanceTests.)
/// </summary>
public sealed partial class NamesNotCodesTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_page_that_shows_or_offers_a_theme_shows_its_name_not_its_code(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var names = await app.WithDbAsync(null, db => db.Themes.ToDictionaryAsync(t => t.Code, t => t.Name));
        var own = await app.AddItemAsync(tenant, "Een eigen vraag over thuiszitten?", "Een kort antwoord.", theme: "T07");
        var national = await app.WithDbAsync(null, db => db.FaqItems.Where(f => f.TenantId == null && f.Layer == ContentLayer.Item && f.Status == ContentStatus.Published)
            .OrderBy(f => f.Slug).Select(f => new { f.Id, f.ThemeCode }).FirstAsync());

        var editor = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Redacteur", Policies.Editor), tenant);
        var staff = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Medewerker", Policies.Staff), tenant);
        var nationalEditor = await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null);
        var expert = await app.SignInAsync(await app.CreateAccountAsync(null, "Expert", Policies.Expert), null);
        var visitor = app.Anonymous();

        var pages = new (string Who, HttpClient Client, string Path, string Name)[]
        {
            ("editor", editor, tenant.Path("/beheer"), names["T07"]), // own items and the national items, with their theme
            ("editor", editor, tenant.Path("/beheer"), names[national.ThemeCode]),
            ("editor", editor, tenant.Path("/beheer/item"), names["T01"]), // the theme choice
            ("editor", editor, tenant.Path($"/beheer/item/{own.Id}"), names["T07"]),
            ("editor", editor, tenant.Path("/beheer/bronnen"), names[national.ThemeCode]),
            ("staff", staff, tenant.Path("/postvak/praktijkvoorbeelden/schrijven"), names["T01"]),
            ("national editor", nationalEditor, "/beheer", names[national.ThemeCode]),
            ("national editor", nationalEditor, $"/beheer/item/{national.Id}", names["T01"]),
            ("expert", expert, "/expertgroep/kennisbank/schrijven", names["T01"]),
            ("visitor", visitor, "/kennisbank", names["T01"]),
            ("visitor", visitor, "/praktijkvoorbeelden", names["T01"]),
        };
        var codes = new List<string>();
        foreach (var (who, client, path, name) in pages)
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} {path}: {(int)response.StatusCode}");
            var text = Html.Text(Html.MainOf(html));
            Assert.True(text.Contains(name, StringComparison.Ordinal), $"{who} {path} does not show the theme name '{name}'.");
            codes.AddRange(ThemeCode().Matches(text).Select(m => $"{who} {path}: {m.Value}"));
        }
        Assert.True(codes.Count == 0, "Theme codes shown to people:\n" + string.Join("\n", codes));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Staff_read_who_told_a_story_and_whether_they_felt_heard_in_words(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var storyId = await app.WithDbAsync(tenant.Id, async db =>
        {
            var story = new Story { ReceivedAt = DateTimeOffset.UtcNow, Teller = Teller.Ouder, FeltHeard = FeltHeard.WeetNiet, WhatHappened = "Het ging mis." };
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
        var staff = (await app.SignInAsStaffAsync(tenant)).Client;

        var list = Html.Text(Html.MainOf(await staff.GetStringAsync(tenant.Path("/postvak/verhalen"))));
        Assert.Contains("Ouder/verzorger", list, StringComparison.Ordinal);
        var story = Html.Text(Html.MainOf(await staff.GetStringAsync(tenant.Path($"/postvak/verhalen/{storyId}"))));
        Assert.Contains("Ouder/verzorger", story, StringComparison.Ordinal);
        Assert.Contains("gehoord: weet niet", story, StringComparison.Ordinal);
        Assert.DoesNotContain("WeetNiet", story, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bT\d\d\b")]
    private static partial Regex ThemeCode();
}
