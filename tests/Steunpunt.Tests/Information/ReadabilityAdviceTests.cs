using System.Net;
using Steunpunt.Accounts;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>The readability panel beside the editors' forms: worked out on the server, advice only.</summary>
public sealed class ReadabilityAdviceTests(Apps apps) : IClassFixture<Apps>
{
    private const string Jargon =
        "Na de beoordeling van de aanvraag door het samenwerkingsverband wordt de toelaatbaarheidsverklaring door de commissie " +
        "van deskundigen binnen zes weken geëffectueerd, teneinde de plaatsing van de leerling in het speciaal onderwijs te " +
        "bewerkstelligen. Het ZAT en het CvB worden hierover geïnformeerd. Je kunt bezwaar maken.";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_preview_shows_the_advice_and_publishing_is_never_refused_for_it(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        // No random letters in the text: they would count as words.
        const string question = "Toelating?";
        (string, string)[] fields = [("Input.Question", question), ("Input.ShortAnswer", "Dat duurt."), ("Input.Explanation", Jargon),
            ("Input.ThemeCode", "T05"), ("Input.Audience", "Ouders")];

        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        Assert.Contains("Er is nog geen tekst.", form, StringComparison.Ordinal);
        var preview = await editor.PostAsync(tenant.Path("/beheer/item?handler=Preview"), SteunpuntApp.FormFrom(form, fields));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = Html.MainOf(await preview.Content.ReadAsStringAsync());
        // 1 + 2 + 45 words, under 50: no score, and it says why.
        Assert.Contains("Nog geen leesbaarheidsscore", html, StringComparison.Ordinal);
        Assert.Contains("(33 woorden)", html, StringComparison.Ordinal);
        Assert.Contains("<li>teneinde</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>ZAT</li>", html, StringComparison.Ordinal);
        Assert.Contains("Deze pagina is voor ouders", html, StringComparison.Ordinal);

        var published = await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), SteunpuntApp.FormFrom(form, fields));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var saved = Html.MainOf(await editor.GetStringAsync(published.Headers.Location!.OriginalString));
        Assert.Contains("Leesbaarheid: advies", saved, StringComparison.Ordinal);
        Assert.Contains("(33 woorden)", saved, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_regional_page_gets_a_score_once_it_is_long_enough(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var body = string.Join(' ', Enumerable.Repeat("Wij helpen ouders en jongeren. Bel ons of mail ons. We praten samen over school.", 5));

        var form = await editor.GetStringAsync(tenant.Path("/beheer/pagina/over-ons"));
        var preview = await editor.PostAsync(tenant.Path("/beheer/pagina/over-ons?handler=Preview"), SteunpuntApp.FormFrom(form,
            ("Input.Title", "Over ons"), ("Input.Body", body)));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = Html.MainOf(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Leesbaarheid (Flesch-Douma)", html, StringComparison.Ordinal);
        Assert.Contains("Geen zinnen van meer dan 20 woorden.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Aanspreekvorm", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_live_panel_answers_editors_only(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        Assert.Contains("data-fields=\"Input.Question Input.ShortAnswer Input.Explanation Input.WhatYouCanDo Input.WhoToGoTo\"", form, StringComparison.Ordinal);
        (string, string)[] fields = [("deel", "Toelating?"), ("deel", Jargon), ("voor", "Jongeren")];

        var panel = await editor.PostAsync(tenant.Path("/beheer/leesbaarheid"), SteunpuntApp.FormFrom(form, fields));

        Assert.Equal(HttpStatusCode.OK, panel.StatusCode);
        var html = await panel.Content.ReadAsStringAsync();
        Assert.Contains("(33 woorden)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<main", html, StringComparison.Ordinal);
        var anonymous = await app.Anonymous().PostAsync(tenant.Path("/beheer/leesbaarheid"), SteunpuntApp.FormFrom(form, fields));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }
}
