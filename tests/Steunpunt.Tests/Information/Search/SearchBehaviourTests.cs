using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information.Search;

public sealed class SearchBehaviourTests(Apps apps) : IClassFixture<Apps>
{
    private static FormUrlEncodedContent Form(string html, params (string Key, string Value)[] fields) => SteunpuntApp.FormFrom(html, fields);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_address_that_searches_very_often_is_asked_to_wait_a_minute(string provider)
    {
        await using var app = await SteunpuntApp.StartAsync(provider, settings: new Dictionary<string, string>
        {
            ["Search:SearchesPerAddressPerMinute"] = "3",
            ["Search:SuggestionsPerAddressPerMinute"] = "2",
        });
        var tenant = await app.CreateTenantAsync();
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await app.GetFromAsync(Search(tenant, "thuiszitten"), "192.0.2.44"));
        }
        Assert.Equal([200, 200, 200, 429], statuses.ToArray());
        var client = app.Anonymous();
        var limited = await client.GetAsync(Search(tenant, "thuiszitten"));
        Assert.Equal(HttpStatusCode.OK, limited.StatusCode); // another address (this client's) has its own limit
        Assert.Equal(429, await app.GetFromAsync(Search(tenant, "thuiszitten"), "192.0.2.44"));
        // Suggestions while typing: a limited address gets none, never an error.
        var suggestions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            suggestions.Add(await client.GetStringAsync(tenant.Path("/zoeken/suggesties?q=thuis")));
        }
        Assert.NotEqual("[]", suggestions[0]);
        Assert.Equal("[]", suggestions[2]);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Past_weeks_keep_only_what_several_people_searched_and_no_fingerprints(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.UnansweredSearches.Add(new Steunpunt.Information.Search.UnansweredSearch { Query = "eenling", Week = "2020-W01", Count = 4, People = 1, SeenBy = "abcdef01" });
            db.UnansweredSearches.Add(new Steunpunt.Information.Search.UnansweredSearch { Query = "velen", Week = "2020-W01", Count = 9, People = 3, SeenBy = "" });
            db.UnansweredSearches.Add(new Steunpunt.Information.Search.UnansweredSearch { Query = "tweetal", Week = "2020-W02", Count = 2, People = 2, SeenBy = "abcdef01,abcdef02" });
            await db.SaveChangesAsync();
        });

        await app.Services.GetRequiredService<Steunpunt.Privacy.RetentionSweep>().SweepAsync(CancellationToken.None);

        var left = await app.WithDbAsync(tenant.Id, db => db.UnansweredSearches.Select(u => new { u.Query, u.SeenBy }).ToListAsync());
        Assert.Equal([("velen", "")], left.Select(l => (l.Query, l.SeenBy)));
    }

    /// <summary>Words no text is near (no typo match), different for each number.</summary>
    private static string Nonsense(int i) => "qxjzq" + new string([.. Enumerable.Range(0, 5).Select(d => "qxzjw"[i / (int)Math.Pow(5, d) % 5])]);

    /// <summary>Random letters only: a search without answer keeps no digits.</summary>
    private static string Letters() => new([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('g' + (c % 16)))]);

    private static string Search(TestTenant tenant, string q) => tenant.Path("/zoeken?q=" + Uri.EscapeDataString(q));

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_edit_is_searchable_at_once(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var word = "Zwaluwnest" + Guid.NewGuid().ToString("N")[..6];
        var visitor = app.Anonymous();
        Assert.Contains("Geen antwoord gevonden", await visitor.GetStringAsync(Search(tenant, word)), StringComparison.Ordinal);

        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), Form(form,
            ("Input.Question", $"Wat is het {word}?"), ("Input.ShortAnswer", "Een opvangplek in onze regio."), ("Input.ThemeCode", "T02"),
            ("Input.Audience", "Ouders")))).StatusCode);

        var found = Html.MainOf(await visitor.GetStringAsync(Search(tenant, word)));
        Assert.Contains($"Wat is het {word}?", found, StringComparison.Ordinal);
        Assert.Contains("Geen antwoord gevonden", await visitor.GetStringAsync(Search(await app.CreateTenantAsync(), word)), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Search_follows_the_regional_layer(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var hidden = await app.AddItemAsync(null, "Verborgen vraag over kanovaren", "Over kanovaren.");
        await app.AddItemAsync(tenant, "", "", layer: ContentLayer.Hidden, nationalItemId: hidden.Id);
        var supplemented = await app.AddItemAsync(null, "Vraag over de zwemles", "Landelijk antwoord.");
        await app.AddItemAsync(tenant, "", "", layer: ContentLayer.Supplement, nationalItemId: supplemented.Id, supplement: "Bij ons heet dat de waterwegwijzer.");
        var visitor = app.Anonymous();

        Assert.DoesNotContain("Verborgen vraag over kanovaren", await visitor.GetStringAsync(Search(tenant, "kanovaren")), StringComparison.Ordinal);
        Assert.Contains("Verborgen vraag over kanovaren", await visitor.GetStringAsync(Search(other, "kanovaren")), StringComparison.Ordinal);
        // A word that only the regional supplement has finds the national item it belongs to.
        Assert.Contains("Vraag over de zwemles", await visitor.GetStringAsync(Search(tenant, "waterwegwijzer")), StringComparison.Ordinal);
        Assert.DoesNotContain("Vraag over de zwemles", await visitor.GetStringAsync(Search(other, "waterwegwijzer")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Results_mark_the_matched_words_and_offer_a_correction(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var visitor = app.Anonymous();
        var marked = Html.MainOf(await visitor.GetStringAsync(Search(tenant, "leerlingenvervoer")));
        Assert.Contains("<mark>Leerlingenvervoer</mark>", marked, StringComparison.Ordinal);
        var typo = Html.MainOf(await visitor.GetStringAsync(Search(tenant, "toelaatbaarheidsverklaaring")));
        Assert.True(typo.Contains($"Bedoelde u <a href=\"/{tenant.Slug}/zoeken?q=toelaatbaarheidsverklaring\">toelaatbaarheidsverklaring</a>?", StringComparison.Ordinal), typo);
        var youthTypo = Html.MainOf(await visitor.GetStringAsync(tenant.Path("/zoeken?voor=jongeren&q=toelaatbaarheidsverklaaring")));
        Assert.Contains($"Bedoelde je <a href=\"/{tenant.Slug}/zoeken?q=toelaatbaarheidsverklaring&amp;voor=jongeren\">", youthTypo, StringComparison.Ordinal);
        var youth = Html.MainOf(await visitor.GetStringAsync(tenant.Path("/zoeken?voor=jongeren&q=gepest")));
        Assert.Contains("Ik word gepest", youth, StringComparison.Ordinal);
        Assert.DoesNotContain("Mijn kind wordt gepest", youth, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_search_without_answer_is_counted_anonymously_and_shown_once_several_people_searched_it(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var words = "qwzx" + Letters();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);

        // One person searching three times: counted, not shown.
        var visitor = app.Anonymous();
        var response = await visitor.GetAsync(Search(tenant, $"  {words.ToUpperInvariant()} "));
        Assert.Contains("Stel uw vraag aan het steunpunt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(200, await app.GetFromAsync(Search(tenant, words), "203.0.113.1"));
        }
        Assert.DoesNotContain(words, await editor.GetStringAsync(tenant.Path("/beheer/zoekvragen")), StringComparison.Ordinal);

        // Two more people: shown, with every search counted.
        await app.GetFromAsync(Search(tenant, words), "203.0.113.2");
        await app.GetFromAsync(Search(tenant, words), "2001:db8::7");
        var list = Html.MainOf(await editor.GetStringAsync(tenant.Path("/beheer/zoekvragen")));
        Assert.Contains($"<td>{words}</td><td>5</td>", list, StringComparison.Ordinal);
        var otherEditor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, other), other);
        Assert.DoesNotContain(words, await otherEditor.GetStringAsync(other.Path("/beheer/zoekvragen")), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(tenant.Id, db => Task.FromResult(db.UnansweredSearches.Single(u => u.Query == words)));
        Assert.Equal(5, stored.Count);
        Assert.Equal(3, stored.People);
        Assert.Equal("", stored.SeenBy); // the fingerprints go once the threshold is reached
        Assert.Matches(@"^\d{4}-W\d{2}$", stored.Week);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(tenant.Path("/beheer/zoekvragen"))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_search_without_answer_keeps_no_names_numbers_or_addresses_and_a_flood_is_capped(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var marker = "vlorp" + Letters();
        foreach (var person in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            Assert.Equal(200, await app.GetFromAsync(Search(tenant, $"Pieter Jansen 0612345678 pieter@example.org {marker} 1234 AB"), person));
        }
        var kept = await app.WithDbAsync(tenant.Id, db => db.UnansweredSearches.Select(u => u.Query).ToListAsync());
        Assert.Equal([marker], kept);

        // A flood of different searches: no more than the week's cap is stored (500 by default).
        foreach (var i in Enumerable.Range(0, 520))
        {
            await app.GetFromAsync(Search(tenant, Nonsense(i)), "198.51.100.9");
        }
        Assert.Equal(500, await app.WithDbAsync(tenant.Id, db => db.UnansweredSearches.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.UnansweredSearches.CountAsync(u => u.Query == Nonsense(0))));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_name_on_another_steunpunts_page_is_still_a_name_here(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        const string name = "Quaedvlieg"; // a surname no text of the starter set is near
        await app.AddItemAsync(other, $"Wie is mevrouw {name}?", $"Mevrouw {name} is onze consulent.");
        // A capitalised word of this steunpunt's own (parents') answer, searched for youth, where it finds nothing.
        await app.AddItemAsync(tenant, "Waar staat de Bolderkar?", "De Bolderkar staat bij de ingang.", audience: Audience.Ouders);
        var marker = "vlorp" + Letters();
        foreach (var person in new[] { "198.51.100.21", "198.51.100.22", "198.51.100.23" })
        {
            Assert.Equal(200, await app.GetFromAsync(tenant.Path("/zoeken?voor=jongeren&q=" + Uri.EscapeDataString($"Wat {name} Bolderkar {marker}")), person));
        }
        var kept = await app.WithDbAsync(tenant.Id, db => db.UnansweredSearches.Select(u => u.Query).ToListAsync());
        // The name goes; a capitalised question word and the steunpunt's own word stay.
        Assert.Equal([$"wat bolderkar {marker}"], kept);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_steunpunt_adds_its_own_synonym(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var visitor = app.Anonymous();
        Assert.Contains("Geen antwoord gevonden", await visitor.GetStringAsync(Search(tenant, "Kairos")), StringComparison.Ordinal);

        var form = await editor.GetStringAsync(tenant.Path("/beheer/synoniemen"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path("/beheer/synoniemen?handler=Add"),
            Form(form, ("Input.Word", "Kairos"), ("Input.Means", "schorsing")))).StatusCode);
        var top = Html.MainOf(await visitor.GetStringAsync(Search(tenant, "Kairos")));
        Assert.Contains("Mijn kind is geschorst. Mag dat?", top, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Query_syntax_and_hostile_input_give_a_calm_page(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var visitor = app.Anonymous();
        foreach (var q in new[] { "\"tlv", "tlv*", "title:tlv", "(opp OR tlv", "AND", "~", "\\", new string('x', 10_000), "\u0000\u0001\u001f", "🙂 gepest", "‏مدرسة‎" })
        {
            var response = await visitor.GetAsync(Search(tenant, q));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var syntax = await visitor.GetStringAsync(Search(tenant, "\"tlv*"));
        Assert.True(syntax.Contains("/informatie/wat-is-een-tlv", StringComparison.Ordinal), Html.MainOf(syntax));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_national_edit_is_searchable_at_once_and_keeps_each_steunpunts_layer(string provider)
    {
        var app = await apps.ForAsync(provider);
        var plain = await app.CreateTenantAsync();
        var hiding = await app.CreateTenantAsync();
        var national = await app.AddItemAsync(null, "Landelijke vraag over de fietsroute", "Kort antwoord.");
        await app.AddItemAsync(hiding, "", "", layer: ContentLayer.Hidden, nationalItemId: national.Id);
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.NationalEditor, null), null);
        var word = "Kompasroos" + Guid.NewGuid().ToString("N")[..6];

        var form = await editor.GetStringAsync($"/beheer/item/{national.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync($"/beheer/item/{national.Id}?handler=Publish", Form(form,
            ("Input.Question", $"Landelijke vraag over de {word}"), ("Input.ShortAnswer", "Kort antwoord."), ("Input.ThemeCode", "T07"),
            ("Input.Audience", "Ouders"), ("Input.Slug", national.Slug),
            ("Input.Sources", "Wet op het primair onderwijs | https://wetten.overheid.nl/jci1.3:c:BWBR0003420")))).StatusCode);
        var change = await app.WithDbAsync(null, db => Task.FromResult(db.ContentChanges.OrderBy(c => c.Id).Last()));
        Assert.Equal(national.Id, change.ItemId);

        var visitor = app.Anonymous();
        Assert.Contains($"Landelijke vraag over de {word}", await visitor.GetStringAsync(Search(plain, word)), StringComparison.Ordinal);
        Assert.Contains("Geen antwoord gevonden", await visitor.GetStringAsync(Search(hiding, word)), StringComparison.Ordinal);
        Assert.Contains($"Landelijke vraag over de {word}", await visitor.GetStringAsync($"/zoeken?q={word}"), StringComparison.Ordinal);
    }
}
