using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Questions;
using Steunpunt.Web;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Questions;

/// <summary>Honeypot, minimum fill time and per-address limits, with no captcha service: each refusal gives the
/// form back with the text kept and a plain-Dutch message, and stores nothing.</summary>
public sealed class AbuseGuardTests
{
    /// <summary>The minimum fill time the first test sets (the most the app allows): far longer than a GET and a POST take,
    /// so "sent at once" is always too fast (with one second, a busy test run could take longer than that and the bot
    /// got through).</summary>
    private const int MinimumFillSeconds = 60;

    /// <summary>Longer than <see cref="MinimumFillSeconds"/>: the app's clock (its own app) moves on by this much
    /// instead of the test waiting.</summary>
    private static readonly TimeSpan s_fillTime = TimeSpan.FromSeconds(MinimumFillSeconds + 1);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bots_are_refused_and_people_keep_their_text(string provider)
    {
        await using var app = await SteunpuntApp.StartAsync(provider, settings: new Dictionary<string, string>
        {
            ["Forms:MinimumFillSeconds"] = MinimumFillSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Forms:SubmissionsPerAddressPerHour"] = "2",
            ["Forms:LookupsPerAddressPerHour"] = "3",
        });
        // The form's four waits take four minutes of the app's clock, inside one counting hour.
        StartEarlyInAnHour(app.Clock);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var text = $"Mijn tekst blijft staan {Guid.NewGuid():N}";

        // Sent at once after opening: too fast for a person.
        var form = await client.GetStringAsync(tenant.Path("/vraag-stellen"));
        var tooFast = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, SteunpuntApp.QuestionFields(text)));
        var tooFastHtml = await tooFast.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, tooFast.StatusCode);
        Assert.Contains("Uw vraag is nog niet verstuurd", Html.Text(tooFastHtml), StringComparison.Ordinal);
        Assert.Contains(text, tooFastHtml, StringComparison.Ordinal);

        // The honeypot is filled: refused, even when slow enough.
        app.Clock.Offset += s_fillTime;
        var trap = SteunpuntApp.QuestionFields(text);
        trap["Input.Website"] = "http://spam.example";
        var trapped = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(tooFastHtml, trap));
        var trappedHtml = await trapped.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, trapped.StatusCode);
        Assert.Contains(text, trappedHtml, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));

        // The same person sends the form they got back, after a moment: stored.
        app.Clock.Offset += s_fillTime;
        var sent = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(trappedHtml, SteunpuntApp.QuestionFields(text)));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));

        // Per address: the second question in the hour is accepted, the third is refused with the text kept.
        form = await client.GetStringAsync(tenant.Path("/vraag-stellen"));
        app.Clock.Offset += s_fillTime;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, SteunpuntApp.QuestionFields("Tweede vraag")))).StatusCode);
        form = await client.GetStringAsync(tenant.Path("/vraag-stellen"));
        app.Clock.Offset += s_fillTime;
        var limited = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, SteunpuntApp.QuestionFields(text + " derde")));
        var limitedHtml = await limited.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Probeer het over een uur opnieuw", Html.Text(limitedHtml), StringComparison.Ordinal);
        Assert.Contains(text + " derde", limitedHtml, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));

        // Guessing links: after the limit even a real link is not looked up for this address, and the answer says to
        // wait, never that the link is wrong.
        var codeForm = await client.GetStringAsync(tenant.Path("/gesprek"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(tenant.Path("/gesprek?handler=Code"), SteunpuntApp.FormFrom(codeForm, ("Code", "ABCDE-FGHJK")))).StatusCode);
        }
        var asked = AskedQuestion.From(await sent.Content.ReadAsStringAsync());
        var limitedLink = await client.GetAsync(asked.LinkPath);
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedLink.StatusCode);
        var limitedText = Html.Text(await limitedLink.Content.ReadAsStringAsync());
        Assert.Contains("Probeer het over een uur opnieuw", limitedText, StringComparison.Ordinal);
        Assert.DoesNotContain("werkt niet", limitedText, StringComparison.Ordinal);

        // A reply sent now is refused the same way, and comes back with its text.
        var replyPage = await client.PostAsync(asked.LinkPath + "?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string> { ["Reply"] = "Mijn reactie blijft staan." }));
        Assert.Equal(HttpStatusCode.TooManyRequests, replyPage.StatusCode);
        Assert.Contains("Mijn reactie blijft staan.", await replyPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_failed_lookups_count_and_the_count_holds_across_instances(string provider)
    {
        var limits = new Dictionary<string, string> { ["Forms:LookupsPerAddressPerHour"] = "3" };
        await using var first = await SteunpuntApp.StartAsync(provider, settings: limits);
        await using var second = await SteunpuntApp.StartAsync(provider, sharedConnection: first.ConnectionString, settings: limits);
        StartEarlyInAnHour(first.Clock, second.Clock);
        var tenant = await first.CreateTenantAsync();
        second.Services.GetRequiredService<Steunpunt.Tenancy.TenantDirectory>().Invalidate();
        var asked = await first.AskQuestionAsync(tenant, "Mag mijn zoon zijn eigen mentor kiezen?");

        // A person who opens their own link many times is never stopped.
        var person = first.Anonymous();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(asked.LinkPath)).StatusCode);
        }

        // Guesses on one instance count on the other: two wrong links here, one wrong code there...
        var guesser = first.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync(tenant.Path("/gesprek/AAAAAAAAAAAAAAAAAAAAAA"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync(tenant.Path("/gesprek/BBBBBBBBBBBBBBBBBBBBBB"))).StatusCode);
        var elsewhere = second.Anonymous();
        var codeForm = await elsewhere.GetStringAsync(tenant.Path("/gesprek"));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsync(tenant.Path("/gesprek?handler=Code"), SteunpuntApp.FormFrom(codeForm, ("Code", "ABCDE-FGHJK")))).StatusCode);
        // ...and now this address waits, on both instances, even with the real link.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.Anonymous().GetAsync(asked.LinkPath)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.Anonymous().GetAsync(asked.LinkPath)).StatusCode);
        // Only fingerprints of addresses are stored.
        var stored = await first.WithDbAsync(null, db => db.AddressCounts.Select(c => c.Address).ToListAsync());
        Every.Item(stored, a => Assert.Matches("^[0-9a-f]{64}$", a));
    }

    /// <summary>The limits count per clock hour: the apps' clocks are set to a minute into the next hour, so that a test's
    /// counts all fall into one hour wherever the real clock stands.</summary>
    private static void StartEarlyInAnHour(params TestClock[] clocks)
    {
        var intoHour = TimeSpan.FromTicks(DateTimeOffset.UtcNow.UtcTicks % TimeSpan.TicksPerHour);
        foreach (var clock in clocks)
        {
            clock.Offset = TimeSpan.FromHours(1) - intoHour + TimeSpan.FromMinutes(1);
        }
    }
}
