using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Information.Versions;
using Steunpunt.Information.Workflow;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>Concept → ter review → goedgekeurd → gepubliceerd for items, layers and regional pages, with the review
/// requirement per steunpunt and small fixes with a note (issue 14, item 1).</summary>
public sealed class WorkflowTests(Apps apps) : IClassFixture<Apps>
{
    private static (string, string)[] Item(string question, string shortAnswer) =>
        [("Input.Question", question), ("Input.ShortAnswer", shortAnswer), ("Input.ThemeCode", "T16"), ("Input.Audience", "Ouders")];

    /// <summary>The form's hidden fields (antiforgery token, the draft revision read) plus the given fields.</summary>
    private static FormUrlEncodedContent F(string html, params (string Key, string Value)[] fields) =>
        SteunpuntApp.FormWithHidden(html, fields.ToDictionary(f => f.Key, f => f.Value));

    private static async Task<string> ShortAnswerOnlineAsync(SteunpuntApp app, Guid tenant, Guid id) =>
        await app.WithDbAsync(tenant, db => db.FaqItems.Where(f => f.Id == id).Select(f => f.ShortAnswer).SingleAsync());

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_concept_of_a_published_item_leaves_the_public_page_alone_until_it_is_published(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Rita Redacteur", Policies.Editor), tenant);
        var question = $"Waar is het spreekuur {Guid.NewGuid():N}?";
        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"),
            F(form, Item(question, "Elke woensdag in de bibliotheek.")))).StatusCode);
        var id = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Question == question).Select(f => f.Id).SingleAsync());
        var slug = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).Select(f => f.Slug).SingleAsync());

        var editForm = await editor.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        var saved = await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Draft"), F(editForm, Item(question, "Elke donderdag in het buurthuis.")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Visitors keep the published text; the editor goes on with the concept.
        Assert.Equal("Elke woensdag in de bibliotheek.", await ShortAnswerOnlineAsync(app, tenant.Id, id));
        Assert.Contains("Elke woensdag in de bibliotheek.", await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{slug}")), StringComparison.Ordinal);
        var again = await editor.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Elke donderdag in het buurthuis.", again, StringComparison.Ordinal);
        Assert.Contains("Opgeslagen als concept. Bezoekers zien dit nog niet.", Html.Text(again), StringComparison.Ordinal);
        Assert.Contains("Bezoekers zien nog de gepubliceerde tekst.", Html.Text(again), StringComparison.Ordinal);
        var dashboard = Html.Text(await editor.GetStringAsync(tenant.Path("/beheer")));
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(question) + @"\s+\(Concept, door Rita Redacteur\)", dashboard);

        // "Concept weggooien": the form shows the published text again.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Discard"), F(again, Item(question, "Elke donderdag in het buurthuis.")))).StatusCode);
        Assert.DoesNotContain("Elke donderdag", await editor.GetStringAsync(tenant.Path($"/beheer/item/{id}")), StringComparison.Ordinal);

        // Publishing a new concept puts it online, and the draft is done.
        await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Draft"), F(editForm, Item(question, "Elke vrijdag in het gemeentehuis.")));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Publish"),
            F(await editor.GetStringAsync(tenant.Path($"/beheer/item/{id}")), Item(question, "Elke vrijdag in het gemeentehuis.")))).StatusCode);
        Assert.Equal("Elke vrijdag in het gemeentehuis.", await ShortAnswerOnlineAsync(app, tenant.Id, id));
        var states = await app.WithDbAsync(tenant.Id, db => db.Set<ContentDraft>().Where(d => d.SubjectId == id).OrderBy(d => d.CreatedAt).Select(d => d.State).ToListAsync());
        Assert.Equal([DraftState.Vervallen, DraftState.Gepubliceerd], states);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Where_review_is_required_only_a_text_a_colleague_approved_goes_online(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var writer = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Rita Redacteur", Policies.Editor, Policies.Coordinator), tenant);
        var colleague = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Kees Collega", Policies.Editor), tenant);
        // Only the coordinator chooses; an editor sees the choice and cannot change it.
        var colleagueDashboard = await colleague.GetStringAsync(tenant.Path("/beheer"));
        Assert.DoesNotContain("Werkwijze opslaan", colleagueDashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.PostAsync(tenant.Path("/beheer?handler=ReviewSetting"), F(colleagueDashboard, ("required", "true")))).StatusCode);
        var dashboard = await writer.GetStringAsync(tenant.Path("/beheer"));
        Assert.Equal(HttpStatusCode.Redirect, (await writer.PostAsync(tenant.Path("/beheer?handler=ReviewSetting"), F(dashboard, ("required", "true")))).StatusCode);
        Assert.Matches(@"Deze werkwijze is gekozen door\s+Rita Redacteur", Html.Text(await colleague.GetStringAsync(tenant.Path("/beheer"))));

        var question = $"Wat doet de klankbordgroep {Guid.NewGuid():N}?";
        var form = await writer.GetStringAsync(tenant.Path("/beheer/item"));
        var refused = await writer.PostAsync(tenant.Path("/beheer/item?handler=Publish"), F(form, Item(question, "Ouders lezen mee.")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = Html.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Hier keurt een andere redacteur een tekst eerst goed. Kies ‘Ter review aanbieden’.", refusal, StringComparison.Ordinal);
        Assert.Contains("Ouders lezen mee.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(tenant.Id, db => db.FaqItems.AnyAsync(f => f.Question == question)));

        Assert.Equal(HttpStatusCode.Redirect, (await writer.PostAsync(tenant.Path("/beheer/item?handler=Submit"), F(form, Item(question, "Ouders lezen mee.")))).StatusCode);
        var id = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Question == question).Select(f => f.Id).SingleAsync());
        Assert.Equal(ContentStatus.Draft, await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));

        // The writer sees no approve button, and approving anyway is refused.
        var own = await writer.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        Assert.DoesNotContain("handler=Approve", own, StringComparison.Ordinal);
        var selfApproval = await writer.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Approve"), F(own, Item(question, "Ouders lezen mee.")));
        Assert.Contains("U schreef deze tekst zelf. Een andere redacteur moet hem goedkeuren.", Html.Text(await selfApproval.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The colleague approves what they read; then the text can go online.
        var read = await colleague.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        Assert.Contains("handler=Approve", read, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Approve"), F(read, Item(question, "Ouders lezen mee.")))).StatusCode);
        Assert.Contains("Goedgekeurd door Kees Collega", Html.Text(await writer.GetStringAsync(tenant.Path($"/beheer/item/{id}"))), StringComparison.Ordinal);

        // Changing the approved text withdraws the approval.
        var approved = await writer.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        await writer.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Draft"), F(approved, Item(question, "Ouders en jongeren lezen mee.")));
        Assert.Equal(DraftState.Concept, await app.WithDbAsync(tenant.Id, db => db.Set<ContentDraft>().Where(d => d.SubjectId == id && d.State < DraftState.Gepubliceerd).Select(d => d.State).SingleAsync()));
        var stale = await writer.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Publish"), F(await writer.GetStringAsync(tenant.Path($"/beheer/item/{id}")), Item(question, "Ouders en jongeren lezen mee.")));
        Assert.Contains("Hier keurt een andere redacteur een tekst eerst goed.", Html.Text(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await writer.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Submit"), F(await writer.GetStringAsync(tenant.Path($"/beheer/item/{id}")), Item(question, "Ouders en jongeren lezen mee.")));
        var second = await colleague.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Approve"), F(second, Item(question, "Ouders en jongeren lezen mee.")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Publish"),
            F(await writer.GetStringAsync(tenant.Path($"/beheer/item/{id}")), Item(question, "Ouders en jongeren lezen mee.")))).StatusCode);
        Assert.Equal("Ouders en jongeren lezen mee.", await ShortAnswerOnlineAsync(app, tenant.Id, id));
        Assert.Equal(ContentStatus.Published, await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));
        var draft = await app.WithDbAsync(tenant.Id, db => db.Set<ContentDraft>().Where(d => d.SubjectId == id).SingleAsync());
        Assert.Equal((DraftState.Gepubliceerd, "Kees Collega", "Rita Redacteur"), (draft.State, draft.ApprovedBy, draft.PublishedBy));

        // A steunpunt that does not require review publishes straight away.
        var elsewhere = await app.CreateTenantAsync();
        var free = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, elsewhere), elsewhere);
        Assert.Equal(HttpStatusCode.Redirect, (await free.PostAsync(elsewhere.Path("/beheer/item?handler=Publish"),
            F(await free.GetStringAsync(elsewhere.Path("/beheer/item")), Item(question, "Ouders lezen mee.")))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_small_fix_goes_online_without_review_with_a_note_and_a_bigger_change_does_not(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Rita Redacteur", Policies.Editor, Policies.Coordinator), tenant);
        var question = $"Hoe bereik ik het steunpunt {Guid.NewGuid():N}?";
        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), F(form, Item(question, "Bel ons op werkdagen tussen 9 en 16 uur.")));
        var id = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Question == question).Select(f => f.Id).SingleAsync());
        await editor.PostAsync(tenant.Path("/beheer?handler=ReviewSetting"), F(await editor.GetStringAsync(tenant.Path("/beheer")), ("required", "true")));

        var edit = await editor.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        Assert.Contains("Kleine correctie publiceren", edit, StringComparison.Ordinal);
        var noNote = await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Fix"), F(edit, Item(question, "Bel ons op werkdagen tussen 9 en 17 uur.")));
        Assert.Contains("Schrijf kort wat u verbeterde", Html.Text(await noNote.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var tooBig = await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Fix"), F(edit, [.. Item(question, "Mail ons, of kom langs op het spreekuur in de bibliotheek op woensdag en vrijdag tussen twee en vier uur."), ("FixNote", "tijden")]));
        Assert.Contains("Dit is meer dan een kleine correctie. Een kleine correctie verandert hoogstens 10 woorden", Html.Text(await tooBig.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // Only words: a fix may not move the page to another theme either.
        var otherTheme = await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Fix"), F(edit,
            [.. Item(question, "Bel ons op werkdagen tussen 9 en 16 uur.").Select(f => f.Item1 == "Input.ThemeCode" ? (f.Item1, "T01") : f), ("FixNote", "thema")]));
        Assert.Contains("en niet het thema, de doelgroep, het webadres of de keuze voor de regio", Html.Text(await otherTheme.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Bel ons op werkdagen tussen 9 en 16 uur.", await ShortAnswerOnlineAsync(app, tenant.Id, id));
        // A page that is not online yet is never a small fix.
        var fresh = await editor.PostAsync(tenant.Path("/beheer/item?handler=Fix"), F(form, [.. Item($"Nieuw {question}", "Kort."), ("FixNote", "nieuw")]));
        Assert.Contains("Deze pagina staat nog niet online. Een nieuwe pagina gaat altijd eerst naar review.", Html.Text(await fresh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(tenant.Id, db => db.FaqItems.AnyAsync(f => f.Question == $"Nieuw {question}")));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Fix"), F(edit, [.. Item(question, "Bel ons op werkdagen tussen 9 en 17 uur."), ("FixNote", "sluitingstijd verbeterd")]))).StatusCode);
        Assert.Equal("Bel ons op werkdagen tussen 9 en 17 uur.", await ShortAnswerOnlineAsync(app, tenant.Id, id));
        var latest = await app.WithDbAsync(tenant.Id, db => db.Set<ContentVersion>().Where(v => v.SubjectId == id).OrderByDescending(v => v.Number).FirstAsync());
        Assert.Equal((2, "sluitingstijd verbeterd"), (latest.Number, latest.Note));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_form_opened_before_a_colleague_saved_does_not_overwrite_the_newer_text(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var first = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Rita Redacteur", Policies.Editor), tenant);
        var second = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Kees Collega", Policies.Editor), tenant);
        var question = $"Wie betaalt het vervoer {Guid.NewGuid():N}?";
        await first.PostAsync(tenant.Path("/beheer/item?handler=Publish"), F(await first.GetStringAsync(tenant.Path("/beheer/item")), Item(question, "De gemeente.")));
        var id = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Question == question).Select(f => f.Id).SingleAsync());
        var reviewedOn = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).Select(f => f.LastReviewedOn).SingleAsync());
        await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).ExecuteUpdateAsync(u => u.SetProperty(f => f.LastReviewedOn, reviewedOn.AddMonths(-2))));

        var openedByFirst = await first.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        var openedBySecond = await second.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Draft"), F(openedBySecond, Item(question, "De gemeente, als de school ver weg is.")))).StatusCode);
        var stale = await first.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Draft"), F(openedByFirst, Item(question, "De school.")));
        var page = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Iemand anders heeft deze tekst veranderd nadat u hem opende. Uw tekst is niet opgeslagen", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("De school.", page, StringComparison.Ordinal);
        var draft = await app.WithDbAsync(tenant.Id, db => db.Set<ContentDraft>().Where(d => d.SubjectId == id && d.OpenKey != null).SingleAsync());
        Assert.Contains("als de school ver weg is", draft.FieldsJson, StringComparison.Ordinal);
        // Saving a concept neither changed the page nor counted as a check of it.
        var online = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).SingleAsync());
        Assert.Equal(("De gemeente.", reviewedOn.AddMonths(-2)), (online.ShortAnswer, online.LastReviewedOn));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Layers_and_regional_pages_go_through_the_same_review(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var writer = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Rita Redacteur", Policies.Editor, Policies.Coordinator), tenant);
        var colleague = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Kees Collega", Policies.Editor), tenant);
        await writer.PostAsync(tenant.Path("/beheer?handler=ReviewSetting"), F(await writer.GetStringAsync(tenant.Path("/beheer")), ("required", "true")));

        // A regional page: a concept is not online, the approved text is.
        var url = tenant.Path("/beheer/pagina/over-ons");
        var form = await writer.GetStringAsync(url);
        var refused = await writer.PostAsync(url + "?handler=Publish", F(form, ("Input.Title", "Over ons"), ("Input.Body", "Wij zijn drie medewerkers.")));
        Assert.Contains("Hier keurt een andere redacteur een tekst eerst goed.", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.PostAsync(url + "?handler=Submit", F(form, ("Input.Title", "Over ons"), ("Input.Body", "Wij zijn drie medewerkers.")))).StatusCode);
        Assert.DoesNotContain("Wij zijn drie medewerkers.", await app.Anonymous().GetStringAsync(tenant.Path("/over-ons")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.PostAsync(url + "?handler=Approve", F(await colleague.GetStringAsync(url), ("Input.Title", "Over ons"), ("Input.Body", "Wij zijn drie medewerkers.")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.PostAsync(url + "?handler=Publish", F(await writer.GetStringAsync(url), ("Input.Title", "Over ons"), ("Input.Body", "Wij zijn drie medewerkers.")))).StatusCode);
        Assert.Contains("Wij zijn drie medewerkers.", await app.Anonymous().GetStringAsync(tenant.Path("/over-ons")), StringComparison.Ordinal);

        // A layer on a national item: the supplement waits for approval.
        var national = await app.WithDbAsync(null, db => db.FaqItems.Where(f => f.TenantId == null && f.Status == ContentStatus.Published && f.Layer == ContentLayer.Item).OrderBy(f => f.Slug).FirstAsync());
        var layerUrl = tenant.Path($"/beheer/landelijk/{national.Id}");
        var layerForm = await writer.GetStringAsync(layerUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.PostAsync(layerUrl + "?handler=Submit",
            F(layerForm, ("Kind", "Supplement"), ("Supplement", "Bij ons helpt het examenloket.")))).StatusCode);
        Assert.DoesNotContain("examenloket", await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{national.Slug}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.PostAsync(layerUrl + "?handler=Approve", F(await colleague.GetStringAsync(layerUrl), ("Kind", "Supplement"), ("Supplement", "Bij ons helpt het examenloket.")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.PostAsync(layerUrl + "?handler=Publish", F(await writer.GetStringAsync(layerUrl), ("Kind", "Supplement"), ("Supplement", "Bij ons helpt het examenloket.")))).StatusCode);
        Assert.Contains("examenloket", await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{national.Slug}")), StringComparison.Ordinal);
    }
}
