using System.Net;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

public sealed class EditingTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly string[] s_editorPages =
    [
        "/beheer", "/beheer/item", $"/beheer/item/{Guid.Empty}", $"/beheer/landelijk/{Guid.Empty}", "/beheer/pagina/over-ons",
        "/beheer/begrippen", "/beheer/begrip", $"/beheer/begrip/{Guid.Empty}", "/beheer/contact", "/beheer/zoekvragen", "/beheer/synoniemen", "/beheer/sociale-kaart",
    ];

    private static FormUrlEncodedContent Form(string html, params (string Key, string Value)[] fields) => SteunpuntApp.FormFrom(html, fields);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_editor_publishes_and_the_public_page_changes_at_once(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var visitor = app.Anonymous();
        var question = $"Waar vind ik het spreekuur {Guid.NewGuid():N}?";

        // The theme page is cached for visitors before the edit.
        Assert.DoesNotContain(question, await visitor.GetStringAsync(tenant.Path("/thema/over-het-steunpunt")), StringComparison.Ordinal);

        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        var saved = await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), Form(form,
            ("Input.Question", question), ("Input.ShortAnswer", "Elke woensdag in de bibliotheek."),
            ("Input.Explanation", "Kom **gewoon** langs."), ("Input.ThemeCode", "T16"), ("Input.Audience", "Ouders"),
            ("Input.Phases", "PO"), ("Input.Phases", "VO")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var theme = await visitor.GetStringAsync(tenant.Path("/thema/over-het-steunpunt"));
        Assert.Contains(question, theme, StringComparison.Ordinal);
        var slug = Steunpunt.Information.Editing.Slugs.From(question);
        var article = Html.MainOf(await visitor.GetStringAsync(tenant.Path($"/informatie/{slug}")));
        Assert.Contains("<strong>gewoon</strong>", article, StringComparison.Ordinal);
        Assert.Contains("Informatie uit onze regio", article, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_draft_is_not_public_and_a_preview_saves_nothing(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var question = $"Concept over vervoer {Guid.NewGuid():N}";
        var fields = new[] { ("Input.Question", question), ("Input.ShortAnswer", "Nog niet af."), ("Input.ThemeCode", "T11"), ("Input.Audience", "Ouders") };

        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        var preview = await editor.PostAsync(tenant.Path("/beheer/item?handler=Preview"), Form(form, fields));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Voorbeeld (nog niet opgeslagen)", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(question, await editor.GetStringAsync(tenant.Path("/beheer")), StringComparison.Ordinal);

        var draft = await editor.PostAsync(tenant.Path("/beheer/item?handler=Draft"), Form(form, fields));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Contains(question, await editor.GetStringAsync(tenant.Path("/beheer")), StringComparison.Ordinal);
        Assert.DoesNotContain(question, await app.Anonymous().GetStringAsync(tenant.Path("/thema/leerlingenvervoer")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bad_input_shows_an_error_summary_and_keeps_what_was_typed(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        var response = await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), Form(form,
            ("Input.Question", ""), ("Input.ShortAnswer", "Mijn getypte antwoord <b>blijft</b> staan."),
            ("Input.Explanation", "Uitleg die ik niet kwijt wil."), ("Input.ThemeCode", "T99"), ("Input.Slug", "Geen Geldig Adres")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("Vul de vraag in.", html, StringComparison.Ordinal);
        Assert.Contains("Kies een thema uit de lijst.", html, StringComparison.Ordinal);
        Assert.Contains("alleen kleine letters", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Question\"", html, StringComparison.Ordinal);
        Assert.Contains("Mijn getypte antwoord &lt;b&gt;blijft&lt;/b&gt; staan.", html, StringComparison.Ordinal);
        Assert.Contains("Uitleg die ik niet kwijt wil.", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_editor_adds_a_supplement_hides_and_restores_a_national_item(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var national = await app.AddItemAsync(null, $"Landelijk voor laag {Guid.NewGuid():N}", "Landelijk kort.", theme: "T12");
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var visitor = app.Anonymous();
        var url = tenant.Path($"/beheer/landelijk/{national.Id}");

        var form = await editor.GetStringAsync(url);
        var first = await editor.PostAsync(url + "?handler=Publish", Form(form, ("Kind", "Supplement"), ("Supplement", "Bij ons helpt **het examenloket**.")));
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, Html.Text(await first.Content.ReadAsStringAsync()));
        Assert.Contains("<strong>het examenloket</strong>", await visitor.GetStringAsync(tenant.Path($"/informatie/{national.Slug}")), StringComparison.Ordinal);

        form = await editor.GetStringAsync(url);
        // The layer's published versions are one link away, and list the supplement.
        var layerId = await app.WithDbAsync(tenant.Id, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.FaqItems.Where(f => f.NationalItemId == national.Id && f.TenantId == tenant.Id).Select(f => f.Id)));
        Assert.Contains(tenant.Path($"/beheer/versies/{layerId}"), form, StringComparison.Ordinal);
        var versionsPage = Html.Text(await editor.GetStringAsync(tenant.Path($"/beheer/versies/{layerId}")));
        Assert.True(versionsPage.Contains("het examenloket", StringComparison.Ordinal), versionsPage[versionsPage.IndexOf("Eerdere versies:", StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(url + "?handler=Publish", Form(form, ("Kind", "Hidden")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(tenant.Path($"/informatie/{national.Slug}"))).StatusCode);

        form = await editor.GetStringAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(url + "?handler=Publish", Form(form, ("Kind", "None")))).StatusCode);
        var restored = await visitor.GetStringAsync(tenant.Path($"/informatie/{national.Slug}"));
        Assert.Contains("Landelijk kort.", restored, StringComparison.Ordinal);
        Assert.DoesNotContain("examenloket", restored, StringComparison.Ordinal);

        var empty = await editor.PostAsync(url + "?handler=Publish", Form(form, ("Kind", "Supplement"), ("Supplement", "")));
        Assert.Contains("Schrijf wat er in uw regio anders of extra is.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Anonymous_visitors_cannot_reach_any_editor_page(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        foreach (var page in s_editorPages)
        {
            foreach (var url in new[] { page, tenant.Path(page) })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/inloggen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                var post = await client.PostAsync(url + "?handler=Publish", new FormUrlEncodedContent([KeyValuePair.Create("Input.Question", "x")]));
                Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
            }
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_editor_cannot_edit_another_steunpunt_or_the_national_set(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        var ownOfB = await app.AddItemAsync(b, "Eigen item van B", "Van B.");
        var editorOfA = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, a), a);

        Assert.Equal(HttpStatusCode.OK, (await editorOfA.GetAsync(a.Path("/beheer"))).StatusCode);
        // The sign-in cookie is scoped to A's path; signing in at B with A's account still gives no access.
        var atB = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, a), b);
        var denied = await atB.GetAsync(b.Path("/beheer"));
        Assert.Contains("/account/geen-toegang", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        // Even through A's own site, B's item does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await editorOfA.GetAsync(a.Path($"/beheer/item/{ownOfB.Id}"))).StatusCode);
        // A steunpunt editor on the national site has no access either.
        var national = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, a), null);
        var response = await national.GetAsync("/beheer");
        Assert.Contains("/account/geen-toegang", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_national_editor_publishes_an_item_that_every_steunpunt_shows(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var nationalEditor = await app.SignInAsync(await app.CreateUserAsync(Policies.NationalEditor, null), null);
        var question = $"Nieuw landelijk item {Guid.NewGuid():N}";
        var form = await nationalEditor.GetStringAsync("/beheer/item");
        Assert.Equal(HttpStatusCode.Redirect, (await nationalEditor.PostAsync("/beheer/item?handler=Publish", Form(form,
            ("Input.Question", question), ("Input.ShortAnswer", "Voor heel Nederland."), ("Input.ThemeCode", "T14"), ("Input.Audience", "Ouders"),
            ("Input.Sources", "Rijksoverheid: passend onderwijs | https://www.rijksoverheid.nl/onderwerpen/passend-onderwijs")))).StatusCode);
        Assert.Contains(question, await app.Anonymous().GetStringAsync(a.Path("/thema/rechten-en-regels")), StringComparison.Ordinal);

        // On a steunpunt's site the national editor is not that steunpunt's editor.
        var atTenant = await app.SignInAsync(await app.CreateUserAsync(Policies.NationalEditor, null), a);
        Assert.Contains("/account/geen-toegang", (await atTenant.GetAsync(a.Path("/beheer"))).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_editor_edits_a_regional_page_with_preview_and_publish(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var url = tenant.Path("/beheer/pagina/over-ons");
        var form = await editor.GetStringAsync(url);
        Assert.Contains($"OverOns van {tenant.Slug}", form, StringComparison.Ordinal);

        var preview = await editor.PostAsync(url + "?handler=Preview", Form(form, ("Input.Title", "Over ons"), ("Input.Body", "Wij zijn **twee** medewerkers.")));
        Assert.Contains("<strong>twee</strong>", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("twee", await app.Anonymous().GetStringAsync(tenant.Path("/over-ons")), StringComparison.Ordinal);

        var empty = await editor.PostAsync(url + "?handler=Publish", Form(form, ("Input.Title", "Over ons"), ("Input.Body", "")));
        Assert.Contains("Schrijf de tekst van de pagina.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await editor.PostAsync(url + "?handler=Publish", Form(form, ("Input.Title", "Over ons"), ("Input.Body", "Wij zijn **twee** medewerkers.")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<strong>twee</strong>", await app.Anonymous().GetStringAsync(tenant.Path("/over-ons")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(tenant.Path("/beheer/pagina/bestaat-niet"))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_editor_adds_a_regional_term_that_only_that_steunpunt_explains(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        var word = "Plusklas" + Guid.NewGuid().ToString("N")[..6];
        var item = await app.AddItemAsync(null, $"Vraag over {word}", $"In de {word} krijgt uw kind meer uitdaging.", theme: "T02");
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, a), a);

        var form = await editor.GetStringAsync(a.Path("/beheer/begrip"));
        var saved = await editor.PostAsync(a.Path("/beheer/begrip"), Form(form,
            ("Input.Term", word), ("Input.Definition", "Een groep voor kinderen die meer aankunnen."), ("Input.Explanation", "")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var visitor = app.Anonymous();
        Assert.Contains("Een groep voor kinderen die meer aankunnen", await visitor.GetStringAsync(a.Path($"/informatie/{item.Slug}")), StringComparison.Ordinal);
        Assert.DoesNotContain("Een groep voor kinderen die meer aankunnen", await visitor.GetStringAsync(b.Path($"/informatie/{item.Slug}")), StringComparison.Ordinal);
        Assert.Contains(word, await visitor.GetStringAsync(a.Path("/begrippen")), StringComparison.Ordinal);
        Assert.DoesNotContain(word, await visitor.GetStringAsync(b.Path("/begrippen")), StringComparison.Ordinal);

        // A national term is not the steunpunt editor's to change.
        var nationalTerm = await app.WithDbAsync(null, db => Task.FromResult(db.GlossaryTerms.First(t => t.TenantId == null).Id));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(a.Path($"/beheer/begrip/{nationalTerm}"))).StatusCode);
        var missing = await editor.PostAsync(a.Path("/beheer/begrip"), Form(form, ("Input.Term", ""), ("Input.Definition", "")));
        Assert.Contains("Vul het begrip in.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_editor_keeps_contact_details_opening_hours_and_closures_current(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var url = tenant.Path("/beheer/contact");
        var visitor = app.Anonymous();

        var form = await editor.GetStringAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(url + "?handler=Details", Form(form,
            ("Details.Phone", "0800 123 45 67"), ("Details.Email", "hallo@voorbeeld.nl"), ("Details.ReplyWorkingDays", "5")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(url + "?handler=AddHours", Form(form,
            ("Hours.Day", "Wednesday"), ("Hours.Opens", "13:00"), ("Hours.Closes", "15:30"), ("Hours.Note", "Inloopspreekuur")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(url + "?handler=AddClosure", Form(form,
            ("Closure.From", "2099-12-24"), ("Closure.To", "2099-12-31"), ("Closure.Reason", "Kerstvakantie")))).StatusCode);

        var contact = Html.MainOf(await visitor.GetStringAsync(tenant.Path("/contact")));
        Assert.Contains("0800 123 45 67", contact, StringComparison.Ordinal);
        Assert.Contains("binnen 5 werkdagen", contact, StringComparison.Ordinal);
        Assert.Contains("13:00 tot 15:30 uur: Inloopspreekuur", contact, StringComparison.Ordinal);
        Assert.Contains("24 december 2099 tot en met 31 december 2099: Kerstvakantie", contact, StringComparison.Ordinal);

        var wrong = await editor.PostAsync(url + "?handler=AddHours", Form(form, ("Hours.Day", "Friday"), ("Hours.Opens", "15:00"), ("Hours.Closes", "09:00")));
        Assert.Contains("De eindtijd moet na de begintijd liggen.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badMail = await editor.PostAsync(url + "?handler=Details", Form(form, ("Details.Email", "geen-mailadres"), ("Details.ReplyWorkingDays", "3")));
        Assert.Contains("Dit is geen geldig e-mailadres.", await badMail.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another steunpunt's editor cannot remove these hours, even knowing their id.
        var hoursId = await app.WithDbAsync(tenant.Id, db => Task.FromResult(db.OpeningHours.Single(h => h.Note == "Inloopspreekuur").Id));
        var otherEditor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, other), other);
        var otherForm = await otherEditor.GetStringAsync(other.Path("/beheer/contact"));
        await otherEditor.PostAsync(other.Path($"/beheer/contact?handler=RemoveHours&id={hoursId}"), Form(otherForm));
        Assert.Contains("Inloopspreekuur", await visitor.GetStringAsync(tenant.Path("/contact")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_editor_adds_and_removes_organisations_on_the_sociale_kaart(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var url = tenant.Path("/beheer/sociale-kaart");
        var gemeente = $"Gemeente-{tenant.Slug}";
        var form = await editor.GetStringAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(url + "?handler=Add", Form(form,
            ("Input.Name", "Buurtteam Oost"), ("Input.Kind", "Wijkteam"), ("Input.Description", "Hulp bij opvoeden."),
            ("Input.Gemeenten", gemeente), ("Input.Website", "https://buurtteam.example")))).StatusCode);
        var map = Html.MainOf(await app.Anonymous().GetStringAsync(tenant.Path($"/sociale-kaart?gemeente={gemeente}")));
        Assert.Contains("Buurtteam Oost", map, StringComparison.Ordinal);
        Assert.Contains("href=\"https://buurtteam.example\"", map, StringComparison.Ordinal);

        var bad = await editor.PostAsync(url + "?handler=Add", Form(form, ("Input.Name", "X"), ("Input.Kind", "Y"), ("Input.Description", "Z"), ("Input.Website", "javascript:alert(1)")));
        Assert.Contains("Dit is geen geldig webadres.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = await app.WithDbAsync(tenant.Id, db => Task.FromResult(db.Organisations.Single(o => o.Name == "Buurtteam Oost").Id));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(url + $"?handler=Remove&id={id}", Form(form))).StatusCode);
        Assert.DoesNotContain("Buurtteam Oost", await app.Anonymous().GetStringAsync(tenant.Path("/sociale-kaart")), StringComparison.Ordinal);
    }
}
