using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Privacy;
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
        Assert.Contains("Dank u wel voor uw verhaal", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var story = await app.WithDbAsync(tenant.Id, db => db.Stories.SingleAsync());
        Assert.Equal((Teller.Ouder, -2, FeltHeard.Nee, true, "T07"), (story.Teller, story.Feeling, story.FeltHeard, story.MayQuote, story.ThemeCodes.ToString()));
        Assert.Null(story.ReviewedAt);
        Assert.Equal("", story.RedactedText);

        // Staff review: each answer under its prompt, the proposal hides the details.
        var staff = await app.SignInAsStaffAsync(tenant);
        var review = await staff.Client.GetStringAsync(tenant.Path($"/postvak/verhalen/{story.Id}"));
        Assert.Contains(Story.Prompts[0], Html.Text(review), StringComparison.Ordinal);
        Assert.Contains(Story.Prompts[3], Html.Text(review), StringComparison.Ordinal);
        var proposed = Textareas(review);
        Assert.Equal(4, proposed.Count);
        Assert.DoesNotContain("Annemiek", proposed[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Daan", proposed[0], StringComparison.Ordinal);
        Assert.DoesNotContain("12-03-2026", proposed[0], StringComparison.Ordinal);
        Assert.DoesNotContain("ouder@example.nl", proposed[0], StringComparison.Ordinal);

        // A detail the reviewer puts back is pointed out, not silently removed...
        var withPhone = Fields(review, proposed, (1, " Bel 06-12345678."));
        var warned = await staff.Client.PostAsync(tenant.Path($"/postvak/verhalen/{story.Id}"), withPhone);
        var warnedHtml = await warned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, warned.StatusCode);
        Assert.Contains("06-12345678", Html.Text(warnedHtml), StringComparison.Ordinal);
        Assert.Null((await app.WithDbAsync(tenant.Id, db => db.Stories.SingleAsync())).ReviewedAt);
        // ...and what the reviewer approves is stored exactly as approved.
        var approved = Fields(warnedHtml, proposed, (1, " Bel 06-12345678."), ApproveAsIs: true);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Client.PostAsync(tenant.Path($"/postvak/verhalen/{story.Id}"), approved)).StatusCode);
        var reviewed = await app.WithDbAsync(tenant.Id, db => db.Stories.SingleAsync());
        Assert.NotNull(reviewed.ReviewedAt);
        Assert.Equal(proposed[1] + " Bel 06-12345678.", reviewed.RedactedParts()[1]);
        Assert.Equal(proposed[0], reviewed.RedactedParts()[0]);
        // Who approved is in the audit log; the teller's own words go after the grace period (Stories:OriginalHoursAfterApproval).
        var audit = await app.WithDbAsync(tenant.Id, db => db.CaseAudit.Where(a => a.StoryId == story.Id).Select(a => new { a.Action, a.UserName }).ToListAsync());
        Assert.Contains(audit, a => a.Action == Steunpunt.Privacy.CaseAction.VerhaalGoedgekeurd && a.UserName.StartsWith("Medewerker", StringComparison.Ordinal));
        Assert.Contains("Juf Annemiek", reviewed.Moment, StringComparison.Ordinal);
        var removed = await app.WithDbAsync(null, db => StoriesFeature.DeleteOriginalsAsync(db, DateTimeOffset.UtcNow.AddSeconds(1), DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.True(removed >= 1);
        var after = await app.WithDbAsync(tenant.Id, db => db.Stories.SingleAsync());
        Assert.Equal("", after.Moment + after.WhatHappened + after.Meaning + after.Needed);
        Assert.NotNull(after.OriginalDeletedAt);
        Assert.Equal(reviewed.RedactedText, after.RedactedText);
        Assert.Contains(await app.WithDbAsync(tenant.Id, db => db.CaseAudit.Where(a => a.StoryId == story.Id).Select(a => a.Action).ToListAsync()),
            a => a == Steunpunt.Privacy.CaseAction.VerhaalOrigineelVerwijderd);
    }

    private static List<string> Textareas(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<textarea[^>]*name=\"Parts\\[\\d\\]\"[^>]*>([^<]*)</textarea>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim())];

    private static FormUrlEncodedContent Fields(string page, List<string> parts, (int Index, string Extra) change, bool ApproveAsIs = false) =>
        SteunpuntApp.FormFrom(page, [.. parts.Select((p, i) => ($"Parts[{i}]", i == change.Index ? p + change.Extra : p)),
            ("UseAsQuote", "true"), .. ApproveAsIs ? new[] { ("ApproveAsIs", "true") } : []]);

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
        Assert.Contains("Schrijf uw verhaal in minstens één van de vakken", Html.Text(html), StringComparison.Ordinal);
        Assert.Matches("value=\"Ouder\" id=\"teller-ouder\" checked", html);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.Stories.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_story_form_says_u_to_parents_and_je_to_youth_and_keeps_it_after_sending(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var themes = await FormOfAddress.ThemeNamesAsync(app, tenant);
        var client = app.Anonymous();

        var parents = await client.GetStringAsync(tenant.Path("/vertel"));
        FormOfAddress.AssertParents(parents, "Vertel uw verhaal", themes);
        var youth = await client.GetStringAsync(tenant.Path("/vertel?voor=jongeren"));
        FormOfAddress.AssertYouth(youth, "Vertel je verhaal", themes);

        // Sent empty from the youth form: the message and the form that comes back say je.
        var empty = new Dictionary<string, string> { ["Input.Teller"] = "Jongere" };
        var refused = await client.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(youth, empty));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Schrijf je verhaal in minstens één van de vakken", Html.Text(refusedHtml), StringComparison.Ordinal);
        FormOfAddress.AssertYouth(refusedHtml, "Vertel je verhaal", themes);

        // Sent: the thanks say je, and its links stay on the youth pages.
        var fields = StoryFields("Op kamp mocht ik niet mee.");
        fields["Input.Teller"] = "Jongere";
        var sent = await client.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(refusedHtml, fields));
        var sentHtml = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        FormOfAddress.AssertYouth(sentHtml, "Dank je wel voor je verhaal", themes);
        Assert.Contains($"href=\"{tenant.Path("/vraag-stellen?voor=jongeren")}\"", sentHtml, StringComparison.Ordinal);

        // A parent's story: thanks in u-form.
        var parentSent = await client.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(parents, StoryFields("De school belde elke dag.")));
        Assert.Equal(HttpStatusCode.OK, parentSent.StatusCode);
        FormOfAddress.AssertParents(await parentSent.Content.ReadAsStringAsync(), "Dank u wel voor uw verhaal", themes);
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
