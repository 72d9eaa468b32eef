using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Information.Releases;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>
/// The national information set in parts: national editors gather changes in a numbered release and publish it at
/// once, now or at a set time; each steunpunt with a layer on a changed item gets an alert with the changed words and
/// decides; until then visitors see the new national text with the steunpunt's supplement.
/// </summary>
public sealed class ReleaseTests(Apps apps) : IClassFixture<Apps>
{
    private const string Source = "Wet op het voortgezet onderwijs | https://wetten.overheid.nl/BWBR0044212";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_release_goes_out_at_once_and_each_steunpunt_with_a_layer_decides(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var national = await app.AddItemAsync(null, $"Wanneer krijgt mijn kind het schooladvies {tag}?", "Uw kind krijgt het advies in groep 8, voor 1 maart.");
        var (own, supplemented, hiding, plain) = (await app.CreateTenantAsync(), await app.CreateTenantAsync(), await app.CreateTenantAsync(), await app.CreateTenantAsync());
        await app.AddItemAsync(own, "Schooladvies in onze regio", "In onze regio komt het advies in februari.", layer: ContentLayer.Override, nationalItemId: national.Id);
        await app.AddItemAsync(supplemented, "", "", layer: ContentLayer.Supplement, nationalItemId: national.Id, supplement: "Vraag het OKT om mee te gaan.");
        await app.AddItemAsync(hiding, "", "", layer: ContentLayer.Hidden, nationalItemId: national.Id);
        foreach (var t in new[] { own, supplemented, hiding, plain })
        {
            await app.PublishedAsync(t.Id);
        }

        // A part with a changed and a new item; nothing changes for visitors until it goes out.
        var editor = await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null);
        var list = await editor.GetStringAsync("/beheer/delen");
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/beheer/delen", SteunpuntApp.FormFrom(list, ("Title", " ")))).StatusCode);
        var made = await editor.PostAsync("/beheer/delen", SteunpuntApp.FormFrom(list, ("Title", $"overstap naar het voortgezet onderwijs {tag}")));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var releaseUrl = made.Headers.Location!.OriginalString;
        var release = await app.WithDbAsync(null, db => db.Set<InformationRelease>().SingleAsync(r => r.Title.EndsWith(tag)));

        var form = await editor.GetStringAsync($"/beheer/item/{national.Id}");
        Assert.Contains(release.Name, form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync($"/beheer/item/{national.Id}?handler=Stage", SteunpuntApp.FormFrom(form,
            ("Input.Question", $"Wanneer krijgt mijn kind het schooladvies {tag}?"), ("Input.ShortAnswer", "Uw kind krijgt het advies in groep 8, voor 24 maart."),
            ("Input.ThemeCode", "T05"), ("Input.Audience", "Ouders"), ("Input.Slug", national.Slug), ("Input.Sources", Source), ("ReleaseId", release.Id.ToString())))).StatusCode);
        Assert.Contains($"Er wacht een wijziging van dit item in {release.Name}.", Flat(await editor.GetStringAsync($"/beheer/item/{national.Id}")), StringComparison.Ordinal);
        var fresh = await editor.GetStringAsync("/beheer/item");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/beheer/item?handler=Stage", SteunpuntApp.FormFrom(fresh,
            ("Input.Question", $"Wat is een doorstroomtoets {tag}?"), ("Input.ShortAnswer", "Een toets in groep 8 die het advies kan verhogen."),
            ("Input.ThemeCode", "T05"), ("Input.Audience", "Ouders"), ("Input.Sources", Source), ("ReleaseId", release.Id.ToString())))).StatusCode);
        var missing = await editor.PostAsync("/beheer/item?handler=Stage", SteunpuntApp.FormFrom(fresh,
            ("Input.Question", "Zonder deel"), ("Input.ShortAnswer", "Kort."), ("Input.ThemeCode", "T05"), ("Input.Audience", "Ouders"), ("Input.Sources", Source)));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Kies het deel waar deze wijziging in komt.", Html.Text(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Adapting the new item from the part's page replaces it in the part; it is not added twice.
        var staged = await app.WithDbAsync(null, db => db.Set<ReleaseChange>().SingleAsync(c => c.ReleaseId == release.Id && c.IsNew));
        var adapt = await editor.GetStringAsync($"/beheer/item?wijziging={staged.Id}");
        Assert.Contains($"Wat is een doorstroomtoets {tag}?", adapt, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/beheer/item?handler=Stage", SteunpuntApp.FormFrom(adapt,
            ("Input.Question", $"Wat is de doorstroomtoets {tag}?"), ("Input.ShortAnswer", "Een toets in groep 8 die het advies kan verhogen."),
            ("Input.ThemeCode", "T05"), ("Input.Audience", "Ouders"), ("Input.Sources", Source), ("ReleaseId", release.Id.ToString()), ("wijziging", staged.Id.ToString())))).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(null, db => db.Set<ReleaseChange>().CountAsync(c => c.ReleaseId == release.Id)));

        var preview = await editor.GetStringAsync(releaseUrl);
        Assert.Contains($"href=\"/beheer/item?wijziging={staged.Id}\"", preview, StringComparison.Ordinal);

        // A web address another item has, or will have with a part, is refused (the typed text stays).
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/beheer/delen", SteunpuntApp.FormFrom(list, ("Title", $"nog een deel {tag}")))).StatusCode);
        var waitingSlug = Steunpunt.Information.Releases.InformationReleases.Proposed(
            await app.WithDbAsync(null, db => db.Set<ReleaseChange>().SingleAsync(c => c.Id == staged.Id))).Slug;
        var secondRelease = await app.WithDbAsync(null, db => db.Set<InformationRelease>().SingleAsync(r => r.Title == $"nog een deel {tag}"));
        var clash = await editor.PostAsync("/beheer/item?handler=Stage", SteunpuntApp.FormFrom(fresh,
            ("Input.Question", $"Nog een vraag {tag}"), ("Input.ShortAnswer", "Kort."), ("Input.ThemeCode", "T05"), ("Input.Audience", "Ouders"),
            ("Input.Slug", waitingSlug ?? ""), ("Input.Sources", Source), ("ReleaseId", secondRelease.Id.ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        var clashHtml = await clash.Content.ReadAsStringAsync();
        Assert.Contains("heeft dit webadres al", Html.Text(clashHtml), StringComparison.Ordinal);
        Assert.Contains($"Nog een vraag {tag}", clashHtml, StringComparison.Ordinal);
        Assert.Contains("<del><span class=\"visually-hidden\">[weg:] </span>1</del>", preview, StringComparison.Ordinal);
        Assert.Contains("<ins><span class=\"visually-hidden\">[nieuw:] </span>24</ins>", preview, StringComparison.Ordinal);
        Assert.Contains($"Nieuw: Wat is de doorstroomtoets {tag}?", Flat(preview), StringComparison.Ordinal);
        var visitor = app.Anonymous();
        Assert.Contains("voor 1 maart", await visitor.GetStringAsync(plain.Path($"/informatie/{national.Slug}")), StringComparison.Ordinal);
        Assert.DoesNotContain("doorstroomtoets", await visitor.GetStringAsync("/nieuw-en-gewijzigd"), StringComparison.Ordinal);

        // A moment in the past is refused; then it goes out now.
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync(releaseUrl + "?handler=Plan", SteunpuntApp.FormFrom(preview, ("PublishAt", "2020-01-01T09:00")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(releaseUrl + "?handler=Publish", SteunpuntApp.FormFrom(preview))).StatusCode);

        string Main(string html) => Html.MainOf(html);
        Assert.Contains("voor 24 maart", Main(await visitor.GetStringAsync(plain.Path($"/informatie/{national.Slug}"))), StringComparison.Ordinal);
        // Until they decide: the own version and the hiding wait, the supplement stays under the new text.
        var inOwn = Main(await visitor.GetStringAsync(own.Path($"/informatie/{national.Slug}")));
        Assert.Contains("voor 24 maart", inOwn, StringComparison.Ordinal);
        Assert.DoesNotContain("In onze regio komt het advies in februari.", inOwn, StringComparison.Ordinal);
        var inSupplemented = Main(await visitor.GetStringAsync(supplemented.Path($"/informatie/{national.Slug}")));
        Assert.Contains("voor 24 maart", inSupplemented, StringComparison.Ordinal);
        Assert.Contains("Vraag het OKT om mee te gaan.", inSupplemented, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(hiding.Path($"/informatie/{national.Slug}"))).StatusCode);
        var news = Flat(await visitor.GetStringAsync(plain.Path("/nieuw-en-gewijzigd")));
        Assert.Contains($"Deel {release.Number}: overstap naar het voortgezet onderwijs {tag}", news, StringComparison.Ordinal);
        Assert.Contains($"Gewijzigd: Wanneer krijgt mijn kind het schooladvies {tag}?", news, StringComparison.Ordinal);
        Assert.Contains($"Nieuw: Wat is de doorstroomtoets {tag}?", news, StringComparison.Ordinal);

        // Each steunpunt with a layer gets one alert with the changed words; the one without none.
        var alerts = await app.WithDbAsync(null, db => db.Set<LayerAlert>().IgnoreQueryFilters().Where(a => a.FaqItemId == national.Id)
            .Select(a => new { a.TenantId, a.Layer }).ToListAsync());
        Assert.Equal([(supplemented.Id, ContentLayer.Supplement), (own.Id, ContentLayer.Override), (hiding.Id, ContentLayer.Hidden)],
            alerts.Select(a => (a.TenantId, a.Layer)).OrderBy(a => a.Layer).ToList());
        var ownEditor = await app.SignInAsync(await app.CreateAccountAsync(own, "Redacteur", Policies.Editor), own);
        var dashboard = await ownEditor.GetStringAsync(own.Path("/beheer"));
        Assert.Contains("Landelijke tekst gewijzigd: kies wat u doet (1)", Html.Text(dashboard), StringComparison.Ordinal);
        Assert.Contains("<ins><span class=\"visually-hidden\">[nieuw:] </span>24</ins>", dashboard, StringComparison.Ordinal);
        var ownAlert = await app.WithDbAsync(own.Id, db => db.Set<LayerAlert>().Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ownEditor.PostAsync(own.Path("/beheer?handler=Decide"), SteunpuntApp.FormFrom(dashboard, ("alert", ownAlert.ToString()), ("decision", "Behouden")))).StatusCode);
        Assert.Contains("In onze regio komt het advies in februari.", Main(await visitor.GetStringAsync(own.Path($"/informatie/{national.Slug}"))), StringComparison.Ordinal);
        Assert.DoesNotContain("Landelijke tekst gewijzigd", Html.Text(await ownEditor.GetStringAsync(own.Path("/beheer"))), StringComparison.Ordinal);

        // Another steunpunt's editor cannot decide for it; the hiding one drops its layer and shows the item.
        var hidingEditor = await app.SignInAsync(await app.CreateAccountAsync(hiding, "Redacteur", Policies.Editor), hiding);
        var hidingDashboard = await hidingEditor.GetStringAsync(hiding.Path("/beheer"));
        Assert.Equal(HttpStatusCode.NotFound, (await hidingEditor.PostAsync(hiding.Path("/beheer?handler=Decide"), SteunpuntApp.FormFrom(hidingDashboard, ("alert", ownAlert.ToString()), ("decision", "Vervallen")))).StatusCode);
        var hidingAlert = await app.WithDbAsync(hiding.Id, db => db.Set<LayerAlert>().Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await hidingEditor.PostAsync(hiding.Path("/beheer?handler=Decide"), SteunpuntApp.FormFrom(hidingDashboard, ("alert", hidingAlert.ToString()), ("decision", "Open")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hidingEditor.PostAsync(hiding.Path("/beheer?handler=Decide"), SteunpuntApp.FormFrom(hidingDashboard, ("alert", hidingAlert.ToString()), ("decision", "Vervallen")))).StatusCode);
        Assert.False(await app.WithDbAsync(hiding.Id, db => db.FaqItems.AnyAsync(f => f.TenantId == hiding.Id && f.NationalItemId == national.Id)));

        // The supplemented one adapts on the layer's own page, which settles its alert.
        var supplementEditor = await app.SignInAsync(await app.CreateAccountAsync(supplemented, "Redacteur", Policies.Editor), supplemented);
        var layerPage = await supplementEditor.GetStringAsync(supplemented.Path($"/beheer/landelijk/{national.Id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await supplementEditor.PostAsync(supplemented.Path($"/beheer/landelijk/{national.Id}?handler=Publish"),
            SteunpuntApp.FormFrom(layerPage, ("Kind", "Supplement"), ("Supplement", "Vraag het OKT om mee te gaan naar het adviesgesprek.")))).StatusCode);
        Assert.Equal(AlertDecision.Aangepast, await app.WithDbAsync(supplemented.Id, db => db.Set<LayerAlert>().Select(a => a.Decision).SingleAsync()));

        // Publishing again is refused; a steunpunt's editor and a visitor never reach the parts.
        Assert.Equal(1, await app.WithDbAsync(null, db => db.Set<InformationRelease>().CountAsync(r => r.Id == release.Id && r.Status == ReleaseStatus.Gepubliceerd)));
        Assert.Equal(HttpStatusCode.NotFound, (await ownEditor.GetAsync(own.Path("/beheer/delen"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync("/beheer/delen")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_planned_release_goes_out_when_its_moment_comes(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var editor = await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null);
        var list = await editor.GetStringAsync("/beheer/delen");
        var releaseUrl = (await editor.PostAsync("/beheer/delen", SteunpuntApp.FormFrom(list, ("Title", $"gepland {tag}")))).Headers.Location!.OriginalString;
        var release = await app.WithDbAsync(null, db => db.Set<InformationRelease>().SingleAsync(r => r.Title == $"gepland {tag}"));
        var page = await editor.GetStringAsync(releaseUrl);
        Assert.Contains("Er staat nog niets in dit deel. Zet eerst items in het deel.", Html.Text(await (await editor.PostAsync(releaseUrl + "?handler=Publish", SteunpuntApp.FormFrom(page))).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var fresh = await editor.GetStringAsync("/beheer/item");
        await editor.PostAsync("/beheer/item?handler=Stage", SteunpuntApp.FormFrom(fresh,
            ("Input.Question", $"Wat is de zorgplicht {tag}?"), ("Input.ShortAnswer", "De school zoekt een passende plek."),
            ("Input.ThemeCode", "T01"), ("Input.Audience", "Ouders"), ("Input.Sources", Source), ("ReleaseId", release.Id.ToString())));
        var later = DateTime.UtcNow.AddDays(2);
        var planned = await editor.PostAsync(releaseUrl + "?handler=Plan", SteunpuntApp.FormFrom(page, ("PublishAt", later.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        Assert.Contains("Gepland op", Html.Text(await editor.GetStringAsync(releaseUrl)), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<InformationReleases>().PublishDueAsync(default));
        }
        Assert.DoesNotContain($"zorgplicht {tag}", await app.Anonymous().GetStringAsync("/nieuw-en-gewijzigd"), StringComparison.Ordinal);
        await app.WithDbAsync(null, async db =>
        {
            (await db.Set<InformationRelease>().SingleAsync(r => r.Id == release.Id)).PublishAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The app's own scheduler may come first (it looks every minute); either way it goes out once.
            await scope.ServiceProvider.GetRequiredService<InformationReleases>().PublishDueAsync(default);
        }
        Assert.Equal(ReleaseStatus.Gepubliceerd, await app.WithDbAsync(null, db => db.Set<InformationRelease>().Where(r => r.Id == release.Id).Select(r => r.Status).SingleAsync()));
        Assert.Contains($"Nieuw: Wat is de zorgplicht {tag}?", Flat(await app.Anonymous().GetStringAsync("/nieuw-en-gewijzigd")), StringComparison.Ordinal);
        Assert.Equal(ContentStatus.Published, await app.WithDbAsync(null, db => db.FaqItems.Where(f => f.Question == $"Wat is de zorgplicht {tag}?").Select(f => f.Status).SingleAsync()));
    }

    private static string Flat(string html) => System.Text.RegularExpressions.Regex.Replace(Html.Text(html), @"\s+", " ");
}
