using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Signals;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>"Was dit nuttig?" under an article: anonymous answers, "wat miste u?", counts for the editors and the texts
/// as signal suggestions.</summary>
public sealed class WasThisUsefulTests(Apps apps) : IClassFixture<Apps>
{
    private static FormUrlEncodedContent Fields(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient visitor, TestTenant? site, FaqItem item, string answer) =>
        await visitor.PostAsync(Path(site, $"/informatie/{item.Slug}/nuttig"), Fields(("antwoord", answer), ("website", "")));

    private static string Path(TestTenant? site, string page) => site is null ? page : site.Path(page);

    /// <summary>Answers "nee", opens the "wat miste u?" form it leads to, and sends the text.</summary>
    private static async Task<HttpResponseMessage> MissedAsync(HttpClient visitor, TestTenant? site, FaqItem item, string text)
    {
        var no = await AnswerAsync(visitor, site, item, "nee");
        Assert.Equal(HttpStatusCode.Redirect, no.StatusCode);
        var form = await visitor.GetStringAsync(no.Headers.Location!.OriginalString);
        return await visitor.PostAsync(Path(site, $"/informatie/{item.Slug}/nuttig?handler=Missed"),
            SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Input.Missed"] = text }));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_cached_article_page_carries_the_form_without_a_token(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var item = await app.AddItemAsync(tenant, $"Wie betaalt het vervoer {Guid.NewGuid():N}?", "De gemeente.");

        var html = await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{item.Slug}"));

        Assert.Contains($"action=\"{tenant.Path($"/informatie/{item.Slug}/nuttig")}\"", html, StringComparison.Ordinal);
        Assert.Contains("Was dit nuttig?", Html.MainOf(html), StringComparison.Ordinal);
        // A token belongs to one visitor's cookie; a page cached for everyone must not carry one.
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Answers_are_counted_per_item_for_the_editors(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var question = $"Wanneer begint de les {Guid.NewGuid():N}";
        var item = await app.AddItemAsync(tenant, question, "Om half negen.");
        var visitor = app.Anonymous();
        const string missed = "Ik miste wat ik moet doen als de bus te laat is.";

        var yes = await AnswerAsync(visitor, tenant, item, "ja");
        Assert.Equal(HttpStatusCode.Redirect, yes.StatusCode);
        Assert.Contains("Dank u wel", await visitor.GetStringAsync(yes.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(visitor, tenant, item, "ja")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MissedAsync(visitor, tenant, item, missed)).StatusCode);

        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        var dashboard = await editor.GetStringAsync(tenant.Path("/beheer"));
        Assert.Contains($"{question}</th><td>2</td><td>1</td><td>1", dashboard, StringComparison.Ordinal);
        Assert.Contains(missed, dashboard, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(tenant.Id, db => db.ArticleFeedback.AsNoTracking().Where(f => f.FaqItemId == item.Id).ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.Equal(new Guid?[] { tenant.Id }, stored.Select(f => f.TenantId).Distinct());
        Assert.DoesNotContain(app.Logs.Messages, m => m.Contains(missed, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task What_readers_missed_becomes_a_signal_suggestion(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var item = await app.AddItemAsync(tenant, $"Mag mijn kind thuis leren {Guid.NewGuid():N}", "Soms.");
        const string missed = "Er staat niet bij hoe lang dat mag duren.";
        Assert.Equal(HttpStatusCode.Redirect, (await MissedAsync(app.Anonymous(), tenant, item, missed)).StatusCode);

        var staff = (await app.SignInAsStaffAsync(tenant)).Client;
        var register = await staff.GetStringAsync(tenant.Path("/postvak/signalen"));
        Assert.Contains("Lezers misten iets bij", register, StringComparison.Ordinal);
        Assert.Contains(missed, register, StringComparison.Ordinal);

        var made = await staff.PostAsync(tenant.Path("/postvak/signalen?handler=Suggestion"), SteunpuntApp.FormFrom(register,
            ("kind", nameof(SignalSource.Lezers)), ("key", item.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var signal = await app.WithDbAsync(tenant.Id, db => db.Signals.AsNoTracking().SingleAsync(s => s.Source == SignalSource.Lezers));
        Assert.Contains(item.Question, signal.Title, StringComparison.Ordinal);
        // What readers wrote stays with staff: the signal's description is theirs to write.
        Assert.Equal("", signal.Description);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_text_with_an_email_address_is_refused_and_kept(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var youthItem = await app.AddItemAsync(tenant, $"Mag ik zelf kiezen {Guid.NewGuid():N}", "Ja.", audience: Audience.Jongeren);
        const string text = "Mail me maar op sanne.de.vries@example.nl want ik snap het niet.";

        var response = await MissedAsync(app.Anonymous(), tenant, youthItem, text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Er staat een e-mailadres in je tekst.", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(text), html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.ArticleFeedback.CountAsync(f => f.HasText)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Answers_stay_on_the_site_they_were_given_on(string provider)
    {
        var app = await apps.ForAsync(provider);
        var (here, there) = (await app.CreateTenantAsync(), await app.CreateTenantAsync());
        var national = await app.AddItemAsync(null, $"Wat is passend onderwijs {Guid.NewGuid():N}", "Onderwijs dat past.");

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(app.Anonymous(), here, national, "nee")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(app.Anonymous(), null, national, "ja")).StatusCode);

        var hereEditor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, here), here);
        Assert.Contains($"{national.Question}</th><td>0</td><td>1</td>", await hereEditor.GetStringAsync(here.Path("/beheer")), StringComparison.Ordinal);
        var thereEditor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, there), there);
        // The other steunpunt lists the national item among its national items, but has no answers to it.
        var thereDashboard = await thereEditor.GetStringAsync(there.Path("/beheer"));
        Assert.Contains(national.Question, thereDashboard, StringComparison.Ordinal);
        Assert.DoesNotContain($"{national.Question}</th>", thereDashboard, StringComparison.Ordinal);
        var rows = await app.WithDbAsync(null, db => db.ArticleFeedback.IgnoreQueryFilters().AsNoTracking().Where(f => f.FaqItemId == national.Id)
            .Select(f => new { f.TenantId, f.Useful }).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.TenantId == here.Id && !r.Useful);
        Assert.Contains(rows, r => r.TenantId == null && r.Useful);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_unknown_answer_or_article_is_not_found(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var item = await app.AddItemAsync(tenant, $"Wat kost de bus {Guid.NewGuid():N}", "Niets.");

        Assert.Equal(HttpStatusCode.NotFound, (await AnswerAsync(app.Anonymous(), tenant, item, "misschien")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().PostAsync(tenant.Path("/informatie/bestaat-niet/nuttig"), Fields(("antwoord", "ja")))).StatusCode);
        // A forged "nee" cannot carry a text.
        var forged = await app.Anonymous().GetAsync(tenant.Path($"/informatie/{item.Slug}/nuttig?stem=abc"));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        // This item has no answers (national answers from other tests are visible from every steunpunt, so count this item).
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.ArticleFeedback.CountAsync(f => f.FaqItemId == item.Id)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Answers_over_the_hourly_limit_of_an_address_are_not_counted(string provider)
    {
        await using var app = await SteunpuntApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Forms:VotesPerAddressPerHour"] = "2" });
        var tenant = await app.CreateTenantAsync();
        var item = await app.AddItemAsync(tenant, $"Hoe laat gaat de school uit {Guid.NewGuid():N}", "Om drie uur.");
        var visitor = app.Anonymous();

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(visitor, tenant, item, "ja")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(visitor, tenant, item, "nee")).StatusCode);
        var third = await AnswerAsync(visitor, tenant, item, "ja");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Uw antwoord is niet bewaard.", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(tenant.Id, db => db.ArticleFeedback.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_article_page_sets_no_cookie_and_so_stays_cached(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var item = await app.AddItemAsync(tenant, $"Wat doet de mentor {Guid.NewGuid():N}", "Die helpt je.");

        var response = await app.Anonymous().GetAsync(tenant.Path($"/informatie/{item.Slug}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The output cache skips a response that sets a cookie: an antiforgery cookie would end the caching of every article.
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
