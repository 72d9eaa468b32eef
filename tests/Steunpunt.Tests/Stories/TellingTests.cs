using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Stories;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Stories;

public sealed class TellingTests(Apps apps) : IClassFixture<Apps>
{
    public static Dictionary<string, string> StoryFields(string moment) => new()
    {
        ["Input.Teller"] = "Ouder",
        ["Input.Moment"] = moment,
        ["Input.WhatHappened"] = "School belde elke dag dat ik hem moest ophalen.",
        ["Input.Meaning"] = "Ik kon niet meer werken.",
        ["Input.Needed"] = "Iemand die meedacht.",
        ["Input.Feeling"] = "-2",
        ["Input.FeltHeard"] = "Nee",
        ["Input.Phase"] = "PO",
        ["Input.Themes"] = "T07",
        ["Input.MayQuote"] = "true",
    };

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_story_is_stored_once_with_its_self_coding_and_staff_review_it_before_use(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var form = await client.GetStringAsync(tenant.Path("/vertel"));
        var fields = StoryFields("Juf Annemiek zei op 12-03-2026 dat mijn zoon Daan niet welkom was. Mail: ouder@example.nl");

        var first = await client.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(form, fields));
        var again = await client.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(form, fields));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Dank je wel voor je verhaal", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var story = await app.WithDbAsync(tenant.Id, db => db.Stories.SingleAsync());
        Assert.Equal((Teller.Ouder, -2, FeltHeard.Nee, true, "T07"), (story.Teller, story.Feeling, story.FeltHeard, story.MayQuote, story.ThemeCodes));
        Assert.Null(story.ReviewedAt);
        Assert.Equal("", story.RedactedText);

        // Staff review: the proposal hides the details; what they accept is what may be used.
        var staff = await app.SignInAsStaffAsync(tenant);
        var review = await staff.Client.GetStringAsync(tenant.Path($"/postvak/verhalen/{story.Id}"));
        var proposed = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(review, "<textarea[^>]*>([^<]*)</textarea>").Groups[1].Value).Trim();
        Assert.DoesNotContain("Annemiek", proposed, StringComparison.Ordinal);
        Assert.DoesNotContain("Daan", proposed, StringComparison.Ordinal);
        Assert.DoesNotContain("12-03-2026", proposed, StringComparison.Ordinal);
        Assert.DoesNotContain("ouder@example.nl", proposed, StringComparison.Ordinal);
        // A staff member who puts a detail back still gets it taken out.
        await staff.Client.PostAsync(tenant.Path($"/postvak/verhalen/{story.Id}"), SteunpuntApp.FormFrom(review, ("Redacted", proposed + " Bel 06-12345678.")));
        var reviewed = await app.WithDbAsync(tenant.Id, db => db.Stories.SingleAsync());
        Assert.NotNull(reviewed.ReviewedAt);
        Assert.Contains("[naam]", reviewed.RedactedText, StringComparison.Ordinal);
        Assert.DoesNotContain("06-12345678", reviewed.RedactedText, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_empty_story_gets_a_plain_message_and_keeps_the_choices(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var fields = StoryFields("");
        fields["Input.WhatHappened"] = "";
        fields["Input.Meaning"] = "";
        fields["Input.Needed"] = "";
        var client = app.Anonymous();
        var form = await client.GetStringAsync(tenant.Path("/vertel"));

        var response = await client.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(form, fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Schrijf je verhaal in minstens één van de vakken", Html.Text(html), StringComparison.Ordinal);
        Assert.Matches("value=\"Ouder\" id=\"teller-ouder\" checked", html);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.Stories.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_signals_that_were_fed_back_appear_on_the_public_page(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Set<Steunpunt.Signals.Signal>().Add(new Steunpunt.Signals.Signal { Title = "Wachtlijst speciaal onderwijs", Status = Steunpunt.Signals.SignalStatus.Teruggekoppeld, PublicFeedback = "Het bestuur opent een extra groep." });
            db.Set<Steunpunt.Signals.Signal>().Add(new Steunpunt.Signals.Signal { Title = "Geheim werksignaal", Status = Steunpunt.Signals.SignalStatus.VoorgelegdAanBestuur, PublicFeedback = "Nog niet klaar" });
            await db.SaveChangesAsync();
        });

        var page = Html.Text(await app.Anonymous().GetStringAsync(tenant.Path("/jullie-zeiden-wij-deden")));

        Assert.Contains("Het bestuur opent een extra groep.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim werksignaal", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/jullie-zeiden-wij-deden")).StatusCode);
    }
}
