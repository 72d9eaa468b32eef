using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Information.Review;
using Steunpunt.Information.Versions;
using Steunpunt.Tests.Infrastructure;
using Steunpunt.Web.Mail;

namespace Steunpunt.Tests.Information;

/// <summary>Versions of published pages (word diff, restore), review dates with the weekly mail, and publishing at a set
/// moment (issue 14, items 5 and 6).</summary>
public sealed class VersionsAndReviewTests(Apps apps) : IClassFixture<Apps>
{
    private static (string, string)[] Item(string question, string shortAnswer) =>
        [("Input.Question", question), ("Input.ShortAnswer", shortAnswer), ("Input.ThemeCode", "T16"), ("Input.Audience", "Ouders")];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_publish_keeps_a_version_two_compare_word_by_word_and_an_old_one_comes_back_in_the_form(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateAccountAsync(tenant, "Rita Redacteur", Policies.Editor), tenant);
        var question = $"Waar is het spreekuur {Guid.NewGuid():N}?";
        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        var first = await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), SteunpuntApp.FormFrom(form, Item(question, "Elke woensdag in de bibliotheek.")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var id = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Question == question).Select(f => f.Id).SingleAsync());
        var editForm = await editor.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        // A concept save keeps no version; a publish does.
        await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Draft"), SteunpuntApp.FormFrom(editForm, Item(question, "Elke donderdag, tijdelijk.")));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Publish"),
            SteunpuntApp.FormWithHidden(await editor.GetStringAsync(tenant.Path($"/beheer/item/{id}")), Item(question, "Elke vrijdag in het gemeentehuis.").ToDictionary(f => f.Item1, f => f.Item2)))).StatusCode);

        var versions = await app.WithDbAsync(tenant.Id, db => db.Set<ContentVersion>().Where(v => v.SubjectId == id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("Rita Redacteur", versions[1].PublishedBy);

        // The word diff: what went out struck through, what came in underlined; unchanged fields say so.
        var page = await editor.GetStringAsync(tenant.Path($"/beheer/versies/{id}?a=1&b=2"));
        var main = Html.MainOf(page);
        Assert.Matches("<del>(<span[^>]*>[^<]*</span>)?[^<]*woensdag", main);
        Assert.Matches("<ins>(<span[^>]*>[^<]*</span>)?[^<]*vrijdag", main);
        Assert.Contains("Vraag (niet veranderd)", Html.Text(main), StringComparison.Ordinal);
        Assert.Contains("Rita Redacteur", Html.Text(main), StringComparison.Ordinal);

        // Restore: version 1's text is in the form, nothing is saved until the editor chooses.
        var restored = await editor.GetStringAsync(tenant.Path($"/beheer/item/{id}?versie={versions[0].Id}"));
        Assert.Contains("Elke woensdag in de bibliotheek.", restored, StringComparison.Ordinal);
        Assert.Contains("De tekst van versie 1 staat in het formulier", Html.Text(restored), StringComparison.Ordinal);
        Assert.Equal("Elke vrijdag in het gemeentehuis.", await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).Select(f => f.ShortAnswer).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Publish"),
            SteunpuntApp.FormFrom(restored, Item(question, "Elke woensdag in de bibliotheek.")))).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(tenant.Id, db => db.Set<ContentVersion>().CountAsync(v => v.SubjectId == id)));

        // Another steunpunt's editor has no such page, nor this version in a form.
        var stranger = await app.SignInAsync(await app.CreateAccountAsync(other, "Ander", Policies.Editor), other);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(other.Path($"/beheer/versies/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(other.Path($"/beheer/item/{id}?versie={versions[0].Id}"))).StatusCode);

        // A regional page keeps versions too.
        var regional = await editor.GetStringAsync(tenant.Path("/beheer/pagina/over-ons"));
        foreach (var body in new[] { "Wij zijn er voor ouders.", "Wij zijn er voor ouders en jongeren." })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path("/beheer/pagina/over-ons?handler=Publish"),
                SteunpuntApp.FormFrom(regional, ("Input.Title", "Over ons"), ("Input.Body", body)))).StatusCode);
        }
        var pageId = await app.WithDbAsync(tenant.Id, db => db.RegionalPages.Where(p => p.Kind == RegionalPageKind.OverOns).Select(p => p.Id).SingleAsync());
        Assert.Matches("<ins>(<span[^>]*>[^<]*</span>)?[^<]*jongeren", Html.MainOf(await editor.GetStringAsync(tenant.Path($"/beheer/versies/{pageId}"))));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Pages_come_due_for_review_the_editors_get_one_mail_a_week_and_a_check_moves_the_date(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editorEmail = await app.CreateAccountAsync(tenant, "Rita Redacteur", Policies.Editor);
        var editor = await app.SignInAsync(editorEmail, tenant);
        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        var (normal, sensitive) = ($"Gewone vraag {Guid.NewGuid():N}", $"Bedragen {Guid.NewGuid():N}");
        await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), SteunpuntApp.FormFrom(form, Item(normal, "Een antwoord.")));
        await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), SteunpuntApp.FormFrom(form, [.. Item(sensitive, "Dit jaar 100 euro."), ("TimeSensitive", "true")]));

        // A fake clock: the due dates follow from the last check, 12 months or 3 for a time-sensitive page.
        var today = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Question == sensitive).Select(f => f.LastReviewedOn).SingleAsync());
        async Task<IReadOnlyList<ReviewEntry>> DueOnAsync(DateOnly day)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Steunpunt.Tenancy.CurrentTenant>().Set(new Steunpunt.Tenancy.TenantEntry(tenant.Id, tenant.Slug, tenant.Name, []));
            // The steunpunt's starter pages were never checked (due at once); this test follows its own two items.
            return [.. (await scope.ServiceProvider.GetRequiredService<ReviewList>().DueAsync(day, default)).Where(e => e.Kind == "Item")];
        }
        Assert.Empty(await DueOnAsync(today));
        var inTwoMonths = await DueOnAsync(today.AddMonths(2).AddDays(5));
        Assert.Equal(today.AddMonths(3), Assert.Single(inTwoMonths).DueOn); // within the 30 days before its date
        var inAYear = await DueOnAsync(today.AddMonths(12).AddDays(1));
        Assert.Equal(2, inAYear.Count);
        Assert.Equal(2, inAYear.Count(e => e.Overdue(today.AddMonths(12).AddDays(1))));

        // The weekly mail: counts only, once a week per site.
        var nextYear = DateTimeOffset.UtcNow.AddMonths(12).AddDays(2);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await ReviewReminders.SendAsync(scope.ServiceProvider, nextYear, default) >= 1);
        }
        await MailDueNowAsync(app);
        var mail = await Mailbox.WaitForAsync(app.MailFolder, editorEmail);
        Assert.Contains("zijn 6 pagina's om te controleren, waarvan 6 te laat", mail.TextBody, StringComparison.Ordinal); // 2 items, 4 starter pages
        Assert.DoesNotContain("Gewone vraag", mail.TextBody, StringComparison.Ordinal);
        var week = ReviewReminders.WeekOf(WorkingDays.DutchDate(nextYear));
        var key = Steunpunt.Information.Search.SearchSource.KeyOf(tenant.Id);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ReviewReminders.SendAsync(scope.ServiceProvider, nextYear.AddHours(1), default);
        }
        Assert.Equal(1, await app.WithDbAsync(null, db => db.Set<ReviewReminderSent>().CountAsync(r => r.Site == key && r.Week == week)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ReviewReminders.SendAsync(scope.ServiceProvider, nextYear.AddDays(7), default);
        }
        Assert.Equal(2, await app.WithDbAsync(null, db => db.Set<ReviewReminderSent>().CountAsync(r => r.Site == key)));
        await MailDueNowAsync(app);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await Mailbox.AllAsync(app.MailFolder)).Count(m => m.To.Mailboxes.Any(b => b.Address == editorEmail) && m.Subject == "Pagina's om te controleren") < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The second week's mail did not arrive.");
            await Task.Delay(200);
        }

        // The dashboard lists what is due; "Gecontroleerd" moves the date a year on.
        var id = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Question == normal).Select(f => f.Id).SingleAsync());
        await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).ExecuteUpdateAsync(u => u.SetProperty(f => f.LastReviewedOn, today.AddMonths(-13))));
        var dashboard = await editor.GetStringAsync(tenant.Path("/beheer"));
        Assert.Contains("te laat, had gecontroleerd moeten zijn op", Html.Text(dashboard), StringComparison.Ordinal);
        Assert.Contains(normal, Html.Text(dashboard), StringComparison.Ordinal);
        // Another steunpunt's editor cannot mark it reviewed.
        var other = await app.CreateTenantAsync();
        var stranger = await app.SignInAsync(await app.CreateAccountAsync(other, "Ander", Policies.Editor), other);
        var strangerPage = await stranger.GetStringAsync(other.Path("/beheer"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(other.Path("/beheer?handler=Reviewed"), SteunpuntApp.FormFrom(strangerPage, ("id", id.ToString())))).StatusCode);
        Assert.Equal(today.AddMonths(-13), await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).Select(f => f.LastReviewedOn).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path("/beheer?handler=Reviewed"), SteunpuntApp.FormFrom(dashboard, ("id", id.ToString())))).StatusCode);
        Assert.Equal(WorkingDays.DutchDate(DateTimeOffset.UtcNow), await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).Select(f => f.LastReviewedOn).SingleAsync()));
        Assert.Contains($"value=\"{id}\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{id}\"", await editor.GetStringAsync(tenant.Path("/beheer")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_preview_is_the_public_page(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var question = $"Wat is een TLV {Guid.NewGuid():N}?";
        var fields = new[]
        {
            ("Input.Question", question), ("Input.ShortAnswer", "Met een TLV mag uw kind naar het speciaal onderwijs."),
            ("Input.Explanation", "Het samenwerkingsverband geeft de **TLV**. Vraag ernaar bij de intern begeleider."),
            ("Input.WhatYouCanDo", "- Praat met school\n- Bel ons"), ("Input.ThemeCode", "T04"), ("Input.Audience", "Ouders"), ("Input.Phases", "SO"),
        };
        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        var preview = await editor.PostAsync(tenant.Path("/beheer/item?handler=Preview"), SteunpuntApp.FormFrom(form, fields));
        var previewArticle = ArticleOf(await preview.Content.ReadAsStringAsync()).Replace("<h2 class=\"h1\">", "<h1>", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path("/beheer/item?handler=Publish"), SteunpuntApp.FormFrom(form, fields))).StatusCode);
        var slug = Steunpunt.Information.Editing.Slugs.From(question);
        var publicArticle = ArticleOf(await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{slug}")));
        var h1End = publicArticle.IndexOf("</h1>", StringComparison.Ordinal);
        Assert.True(h1End > 0);
        // Same text, same labels, same glossary explanations; only the heading level differs inside the editor's page.
        Assert.Equal(publicArticle.Remove(h1End, 5).Insert(h1End, "</h2>"), previewArticle);
        Assert.Contains("id=\"uitleg-", publicArticle, StringComparison.Ordinal); // a glossary explanation is part of what is compared
    }

    private static string ArticleOf(string html)
    {
        var start = html.IndexOf("<article class=\"faq\">", StringComparison.Ordinal);
        var end = html.IndexOf("</article>", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "No article in the page.");
        return html[start..end];
    }

    /// <summary>The job ran at a moment in the future, so its mails wait for that moment: let that time have come.</summary>
    private static Task<int> MailDueNowAsync(SteunpuntApp app) => app.WithDbAsync(null, db => db.OutgoingMail
        .Where(m => m.SentAt == null && m.Subject == "Pagina's om te controleren").ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow)));

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_concept_planned_for_a_moment_is_published_then_and_not_before(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var question = $"Nieuwe regel per januari {Guid.NewGuid():N}";
        var form = await editor.GetStringAsync(tenant.Path("/beheer/item"));
        var past = await editor.PostAsync(tenant.Path("/beheer/item?handler=Schedule"), SteunpuntApp.FormFrom(form,
            [.. Item(question, "Vanaf januari geldt dit."), ("PublishDay", "2020-01-01"), ("PublishTime", "09:00")]));
        Assert.Contains("Dit moment is al voorbij", Html.Text(await past.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var day = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path("/beheer/item?handler=Schedule"), SteunpuntApp.FormFrom(form,
            [.. Item(question, "Vanaf januari geldt dit."), ("PublishDay", day), ("PublishTime", "09:00")]))).StatusCode);
        var slug = Steunpunt.Information.Editing.Slugs.From(question);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(tenant.Path($"/informatie/{slug}"))).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await ScheduledPublishing.PublishDueAsync(scope.ServiceProvider, DateTimeOffset.UtcNow.AddDays(9), default));
            Assert.Equal(1, await ScheduledPublishing.PublishDueAsync(scope.ServiceProvider, DateTimeOffset.UtcNow.AddDays(11), default));
        }
        Assert.Contains("Vanaf januari geldt dit.", Html.Text(await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{slug}"))), StringComparison.Ordinal);

        // A page that is online cannot be planned (it would go offline until the moment): refused, the text kept.
        var id = await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Question == question).Select(f => f.Id).SingleAsync());
        var edit = await editor.GetStringAsync(tenant.Path($"/beheer/item/{id}"));
        var refused = await editor.PostAsync(tenant.Path($"/beheer/item/{id}?handler=Schedule"), SteunpuntApp.FormFrom(edit,
            [.. Item(question, "Vanaf maart geldt iets anders."), ("PublishDay", day), ("PublishTime", "09:00")]));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Dit item staat al online", Html.Text(refusedHtml), StringComparison.Ordinal);
        Assert.Contains("Vanaf maart geldt iets anders.", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(ContentStatus.Published, await app.WithDbAsync(tenant.Id, db => db.FaqItems.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));
        Assert.Equal("automatisch (gepland)", await app.WithDbAsync(tenant.Id, db => db.Set<ContentVersion>().Where(v => v.TenantId == tenant.Id).Select(v => v.PublishedBy).SingleAsync()));
    }
}
