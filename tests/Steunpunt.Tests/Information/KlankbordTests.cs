using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Information.Klankbord;
using Steunpunt.Information.Workflow;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>The klankbordgroep and youth panel: invited by e-mail, signed in with a one-time link, reading only the
/// drafts sent to their panel, commenting and answering "begrijpelijk?"; the editors answer and resolve, and the
/// participation log feeds leidraad item A11.</summary>
public sealed class KlankbordTests(Apps apps) : IClassFixture<Apps>
{
    private static async Task<HttpClient> EditorAsync(SteunpuntApp app, TestTenant tenant) =>
        await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_invitation_link_signs_in_only_by_its_button_once_and_not_after_it_expired(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await EditorAsync(app, tenant);
        var email = $"ouder-{Guid.NewGuid():N}@test.example";

        var page = await editor.GetStringAsync(tenant.Path("/beheer/klankbord"));
        var invited = await editor.PostAsync(tenant.Path("/beheer/klankbord?handler=Invite"),
            SteunpuntApp.FormFrom(page, ("Input.Name", "Fatima Ouder"), ("Input.Email", email), ("Input.Panel", "Ouders")));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var list = await editor.GetStringAsync(invited.Headers.Location!.OriginalString);
        Assert.Contains("De uitnodiging is verstuurd.", list, StringComparison.Ordinal);
        Assert.Contains(email, list, StringComparison.Ordinal);

        var mail = await Mailbox.WaitForAsync(app.MailFolder, email);
        var link = SteunpuntApp.PanelLinkIn(mail.TextBody ?? "");
        Assert.StartsWith(tenant.Path("/klankbord/link/"), link, StringComparison.Ordinal);
        Assert.Contains("De link werkt 7 dagen", mail.TextBody, StringComparison.Ordinal);
        var expires = await app.WithDbAsync(tenant.Id, db => db.PanelSignInLinks.Select(l => l.ExpiresAt).SingleAsync());
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        // Name and address are stored encrypted; only a fingerprint of the address is plain.
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.Database
            .SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"PanelMembers\" WHERE \"Email\" = {{0}} OR \"Name\" = {{1}}", email, "Fatima Ouder").SingleAsync()));

        // A mail scanner opens the link: nothing happens.
        var member = app.Anonymous();
        var opened = await member.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var openedHtml = await opened.Content.ReadAsStringAsync();
        Assert.Contains(">Inloggen</button>", openedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(tenant.Path("/klankbord"))).StatusCode);
        Assert.Null(await app.WithDbAsync(tenant.Id, db => db.PanelSignInLinks.Select(l => l.UsedAt).SingleAsync()));

        // The button signs in.
        var signedIn = await member.PostAsync(link, SteunpuntApp.FormFrom(openedHtml));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(tenant.Path("/klankbord"), signedIn.Headers.Location!.OriginalString);
        var home = await member.GetAsync(tenant.Path("/klankbord"));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Hallo Fatima Ouder.", Html.Text(await home.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Used once: a second use (another browser) fails.
        var again = await SteunpuntApp.UsePanelLinkAsync(app.Anonymous(), link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Deze link werkt niet meer.", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // An expired link fails too.
        var (_, _, token) = await app.AddPanelMemberAsync(tenant, Panel.Jongeren);
        var hash = PanelLinks.Hash(token);
        await app.WithDbAsync(tenant.Id, db => db.PanelSignInLinks.Where(l => l.Hash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var expired = await SteunpuntApp.UsePanelLinkAsync(app.Anonymous(), tenant.Path($"/klankbord/link/{token}"));
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);

        // The same address cannot be invited twice.
        var twice = await editor.PostAsync(tenant.Path("/beheer/klankbord?handler=Invite"),
            SteunpuntApp.FormFrom(page, ("Input.Name", "Fatima Ouder"), ("Input.Email", email), ("Input.Panel", "Ouders")));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("Dit e-mailadres is al lid.", Html.Text(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_new_link_is_mailed_to_a_member_and_the_answer_is_the_same_for_an_unknown_address(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var (_, email, _) = await app.AddPanelMemberAsync(tenant, Panel.Ouders);

        async Task<string> AskAsync(string address)
        {
            var client = app.Anonymous();
            var form = await client.GetStringAsync(tenant.Path("/klankbord/inloggen"));
            var sent = await client.PostAsync(tenant.Path("/klankbord/inloggen"), SteunpuntApp.FormWithHidden(form, new Dictionary<string, string> { ["Input.Email"] = address }));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            return Html.Text(Html.MainOf(await client.GetStringAsync(sent.Headers.Location!.OriginalString)));
        }

        var known = await AskAsync(email);
        var unknown = await AskAsync($"onbekend-{Guid.NewGuid():N}@test.example");
        Assert.Equal(known, unknown);
        Assert.Contains("Is dit e-mailadres bij ons bekend?", known, StringComparison.Ordinal);

        var mail = await Mailbox.WaitForAsync(app.MailFolder, email);
        Assert.Contains("De link werkt 30 minuten", mail.TextBody, StringComparison.Ordinal);
        var response = await SteunpuntApp.UsePanelLinkAsync(app.Anonymous(), SteunpuntApp.PanelLinkIn(mail.TextBody ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // A typed list of addresses is not an address: the form comes back with what was typed.
        var client = app.Anonymous();
        var page = await client.GetStringAsync(tenant.Path("/klankbord/inloggen"));
        var wrong = await client.PostAsync(tenant.Path("/klankbord/inloggen"),
            SteunpuntApp.FormWithHidden(page, new Dictionary<string, string> { ["Input.Email"] = "a@test.example, b@test.example" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Dit is geen goed e-mailadres.", Html.Text(wrongHtml), StringComparison.Ordinal);
        Assert.Contains("value=\"a@test.example, b@test.example\"", wrongHtml, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_member_sees_only_the_open_drafts_sent_to_their_panel(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var forParents = await app.AddDraftAsync(tenant, "Wat doet de ondersteuningscommissie-ouders?");
        var forYouth = await app.AddDraftAsync(tenant, "Wat doet de ondersteuningscommissie-jongeren?");
        var notSent = await app.AddDraftAsync(tenant, "Wat doet de ondersteuningscommissie-niet-gestuurd?");
        var published = await app.AddDraftAsync(tenant, "Wat doet de ondersteuningscommissie-gepubliceerd?", state: DraftState.Gepubliceerd);
        await app.ShareDraftAsync(tenant, forParents.Id, Panel.Ouders);
        await app.ShareDraftAsync(tenant, forYouth.Id, Panel.Jongeren);
        await app.ShareDraftAsync(tenant, published.Id, Panel.Ouders);
        var (parent, _) = await app.SignInAsPanelMemberAsync(tenant, Panel.Ouders);

        var list = Html.Text(await parent.GetStringAsync(tenant.Path("/klankbord")));
        Assert.Contains("ondersteuningscommissie-ouders", list, StringComparison.Ordinal);
        Assert.DoesNotContain("ondersteuningscommissie-jongeren", list, StringComparison.Ordinal);
        Assert.DoesNotContain("ondersteuningscommissie-niet-gestuurd", list, StringComparison.Ordinal);
        Assert.DoesNotContain("ondersteuningscommissie-gepubliceerd", list, StringComparison.Ordinal);

        var draft = await parent.GetStringAsync(tenant.Path($"/klankbord/concept/{forParents.Id}"));
        Assert.Contains("Wat doet de ondersteuningscommissie-ouders?", Html.Text(draft), StringComparison.Ordinal);
        Assert.Contains("class=\"faq\"", draft, StringComparison.Ordinal); // the public article's own partial
        foreach (var hidden in new[] { forYouth, notSent, published })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync(tenant.Path($"/klankbord/concept/{hidden.Id}"))).StatusCode);
        }

        // A member of another steunpunt, carrying their sign-in here, finds nothing.
        var (stranger, _) = await app.SignInAsPanelMemberAsync(other, Panel.Ouders, app.CookieClient());
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(other.Path("/klankbord"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(tenant.Path($"/klankbord/concept/{forParents.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(tenant.Path("/klankbord"))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_comment_with_a_phone_number_is_refused_with_the_text_kept_and_the_verdict_is_one_per_member(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var draft = await app.AddDraftAsync(tenant, "Hoe vraag ik een gesprek aan?", "Bel de school.\n\nOf mail de intern begeleider.");
        await app.ShareDraftAsync(tenant, draft.Id, Panel.Ouders);
        var (member, memberId) = await app.SignInAsPanelMemberAsync(tenant, Panel.Ouders);
        var url = tenant.Path($"/klankbord/concept/{draft.Id}");
        var page = await member.GetStringAsync(url);
        Assert.Contains("<option value=\"uitleg-2\">Meer uitleg, alinea 2: Of mail de intern begeleider.</option>", page, StringComparison.Ordinal);

        const string withPhone = "Ik snap dit niet, bel me op 06-12345678.";
        var refused = await member.PostAsync($"{url}?handler=Comment", SteunpuntApp.FormFrom(page, ("Input.Paragraph", "uitleg-2"), ("Input.Text", withPhone)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Er staat een telefoonnummer in je reactie.", Html.Text(refusedHtml), StringComparison.Ordinal);
        Assert.Contains(withPhone, refusedHtml, StringComparison.Ordinal);
        Assert.Matches("<option (selected=\"selected\" value=\"uitleg-2\"|value=\"uitleg-2\" selected=\"selected\")>", refusedHtml);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.PanelComments.CountAsync()));

        const string comment = "Wie is de intern begeleider? Dat woord ken ik niet.";
        var saved = await member.PostAsync($"{url}?handler=Comment", SteunpuntApp.FormFrom(page, ("Input.Paragraph", "uitleg-2"), ("Input.Text", comment)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = System.Text.RegularExpressions.Regex.Replace(Html.Text(await member.GetStringAsync(saved.Headers.Location!.OriginalString)), @"\s+", " ");
        Assert.Contains($"Meer uitleg, alinea 2: {comment}", after, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Messages, m => m.Contains(comment, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"{url}?handler=Verdict", SteunpuntApp.FormFrom(page, ("begrijpelijk", "Ja")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"{url}?handler=Verdict", SteunpuntApp.FormFrom(page, ("begrijpelijk", "Deels")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.PostAsync($"{url}?handler=Verdict", SteunpuntApp.FormFrom(page, ("begrijpelijk", "7")))).StatusCode);
        var verdicts = await app.WithDbAsync(tenant.Id, db => db.PanelVerdicts.Where(v => v.DraftId == draft.Id).Select(v => new { v.MemberId, v.Answer }).ToListAsync());
        Assert.Equal(new[] { (memberId, Verdict.Deels) }, verdicts.Select(v => (v.MemberId, v.Answer)));
        Assert.Matches("id=\"begrijpelijk-Deels\" value=\"Deels\" checked", await member.GetStringAsync(url));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Editors_answer_and_resolve_comments_and_the_participation_log_feeds_A11(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var editor = await EditorAsync(app, tenant);
        var both = await app.AddDraftAsync(tenant, "Wat is een groeidocument?", "Een plan voor de ondersteuning.");
        var parentsOnly = await app.AddDraftAsync(tenant, "Wat is een OPP?", "Een ontwikkelingsperspectief.");
        var unread = await app.AddDraftAsync(tenant, "Wat is thuiszitten?", "Niet naar school gaan.");

        var (_, reader, _) = await app.AddPanelMemberAsync(tenant, Panel.Jongeren);
        // Sending through the editor's page: both panels for the first, the parents for the second.
        var draftPage = await editor.GetStringAsync(tenant.Path($"/beheer/klankbord/concept/{both.Id}"));
        var share = await editor.PostAsync(tenant.Path($"/beheer/klankbord/concept/{both.Id}?handler=Share"),
            new FormUrlEncodedContent([new("panel", "Ouders"), new("panel", "Jongeren"), new("__RequestVerificationToken", SteunpuntApp.AntiforgeryToken(draftPage))]));
        Assert.Equal(HttpStatusCode.Redirect, share.StatusCode);
        // The members hear that there is something to read, and where; the text itself stays in the app.
        var notice = (await Mailbox.WaitForAsync(app.MailFolder, reader)).TextBody ?? "";
        Assert.Contains("Er staat een nieuwe tekst voor je klaar.", notice, StringComparison.Ordinal);
        Assert.Contains(tenant.Path("/klankbord"), notice, StringComparison.Ordinal);
        Assert.DoesNotContain("groeidocument", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("ondersteuning", notice, StringComparison.Ordinal);
        var nothingChosen = await editor.PostAsync(tenant.Path($"/beheer/klankbord/concept/{parentsOnly.Id}?handler=Share"), SteunpuntApp.FormFrom(draftPage));
        Assert.Equal(HttpStatusCode.BadRequest, nothingChosen.StatusCode);
        Assert.Contains("Kies de groep die de tekst moet lezen.", Html.Text(await nothingChosen.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path($"/beheer/klankbord/concept/{parentsOnly.Id}?handler=Share"),
            SteunpuntApp.FormFrom(draftPage, ("panel", "Ouders")))).StatusCode);
        await app.ShareDraftAsync(tenant, unread.Id, Panel.Jongeren);

        var (parent, _) = await app.SignInAsPanelMemberAsync(tenant, Panel.Ouders);
        var (youth, _) = await app.SignInAsPanelMemberAsync(tenant, Panel.Jongeren);
        await app.AddPanelMemberAsync(tenant, Panel.Ouders); // a member who does not take part
        async Task CommentAsync(HttpClient member, ContentDraft draft, string key, string text)
        {
            var url = tenant.Path($"/klankbord/concept/{draft.Id}");
            var page = await member.GetStringAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"{url}?handler=Comment", SteunpuntApp.FormFrom(page, ("Input.Paragraph", key), ("Input.Text", text)))).StatusCode);
        }
        async Task VerdictAsync(HttpClient member, ContentDraft draft, string answer)
        {
            var url = tenant.Path($"/klankbord/concept/{draft.Id}");
            Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"{url}?handler=Verdict", SteunpuntApp.FormFrom(await member.GetStringAsync(url), ("begrijpelijk", answer)))).StatusCode);
        }
        await CommentAsync(parent, both, "uitleg-1", "Wat betekent ondersteuning hier?");
        await VerdictAsync(parent, both, "Nee");
        await VerdictAsync(youth, both, "Deels");
        await CommentAsync(parent, parentsOnly, "kort", "Schrijf OPP voluit.");

        // The editor sees the comments under their paragraph and the counts.
        var seen = await editor.GetStringAsync(tenant.Path($"/beheer/klankbord/concept/{both.Id}"));
        var seenText = Html.Text(seen);
        Assert.Contains("Ja: 0. Nee: 1. Deels: 1.", seenText, StringComparison.Ordinal);
        Assert.Contains("Wat betekent ondersteuning hier?", seenText, StringComparison.Ordinal);
        var commentIds = await app.WithDbAsync(tenant.Id, db => db.PanelComments.OrderBy(c => c.WrittenAt).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, commentIds.Count);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path($"/beheer/klankbord/concept/{both.Id}?handler=Reply&comment={commentIds[0]}"),
            SteunpuntApp.FormFrom(seen, ("answer", "Goed punt, we leggen het uit."), ("outcome", "Aangepast")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path($"/beheer/klankbord/concept/{parentsOnly.Id}?handler=Reply&comment={commentIds[1]}"),
            SteunpuntApp.FormFrom(seen, ("answer", "OPP staat in de begrippenlijst."), ("outcome", "NietAangepast")))).StatusCode);
        Assert.Contains("Antwoord van het steunpunt: Goed punt, we leggen het uit.", Html.Text(await parent.GetStringAsync(tenant.Path($"/klankbord/concept/{both.Id}"))), StringComparison.Ordinal);
        // Youth see only their own comments: the parent's comment is not on their page.
        Assert.DoesNotContain("Wat betekent ondersteuning hier?", Html.Text(await youth.GetStringAsync(tenant.Path($"/klankbord/concept/{both.Id}"))), StringComparison.Ordinal);

        // Two meetings this school year through the page, one last school year.
        var today = WorkingDays.DutchDate(DateTimeOffset.UtcNow);
        var report = await editor.GetStringAsync(tenant.Path("/beheer/klankbord/verslag"));
        foreach (var (panel, present) in new[] { ("Ouders", "6"), ("Jongeren", "4") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path("/beheer/klankbord/verslag"), SteunpuntApp.FormFrom(report,
                ("Input.HeldOn", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("Input.Panel", panel), ("Input.Present", present), ("Input.Note", "Teksten besproken")))).StatusCode);
        }
        var noDate = await editor.PostAsync(tenant.Path("/beheer/klankbord/verslag"), SteunpuntApp.FormFrom(report, ("Input.Panel", "Ouders"), ("Input.Present", "3"), ("Input.Note", "Zonder datum")));
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("value=\"Zonder datum\"", await noDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.PanelMeetings.Add(new PanelMeeting { HeldOn = SchoolYear.Of(today).Previous.Start.AddDays(30), Panel = Panel.Ouders, Present = 5 });
            await db.SaveChangesAsync();
        });

        var year = SchoolYear.Of(today);
        var log = System.Text.RegularExpressions.Regex.Replace(Html.Text(await editor.GetStringAsync(tenant.Path("/beheer/klankbord/verslag"))), @"\s+", " ");
        Assert.Contains("Bijeenkomsten 2 Leden die meededen (een reactie of een antwoord) 2 Teksten gelezen en besproken 2 Reacties die een tekst veranderden 1", log, StringComparison.Ordinal);
        Assert.Contains("Wat is een groeidocument? (Meer uitleg", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Schrijf OPP voluit.", log, StringComparison.Ordinal);

        var coordinator = (await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator])).Client;
        var checklist = System.Text.RegularExpressions.Regex.Replace(Html.Text(await coordinator.GetStringAsync(tenant.Path("/postvak/leidraad"))), @"\s+", " ");
        Assert.Contains($"Wat de app weet: Schooljaar {year}: 2 bijeenkomsten van de klankbordgroep en het jongerenpanel. Leden die meelazen in de app: 2. Teksten met reacties: 2. Reacties die een tekst veranderden: 1.",
            checklist, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Removing_a_member_erases_name_and_address_and_ends_the_session(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var draft = await app.AddDraftAsync(tenant, "Mag ik meepraten over het OPP?");
        await app.ShareDraftAsync(tenant, draft.Id, Panel.Jongeren);
        var (member, memberId) = await app.SignInAsPanelMemberAsync(tenant, Panel.Jongeren);
        var url = tenant.Path($"/klankbord/concept/{draft.Id}");
        var page = await member.GetStringAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"{url}?handler=Comment", SteunpuntApp.FormFrom(page, ("Input.Paragraph", "vraag"), ("Input.Text", "Duidelijke vraag.")))).StatusCode);

        var editor = await EditorAsync(app, tenant);
        var list = await editor.GetStringAsync(tenant.Path("/beheer/klankbord"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(tenant.Path($"/beheer/klankbord?handler=Remove&id={memberId}"), SteunpuntApp.FormFrom(list))).StatusCode);

        var gone = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.Contains("/klankbord/inloggen", gone.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var row = await app.WithDbAsync(tenant.Id, db => db.PanelMembers.AsNoTracking().SingleAsync(m => m.Id == memberId));
        Assert.Equal(("", "", null), (row.Name, row.Email, row.EmailHash));
        Assert.NotNull(row.RemovedAt);
        Assert.Equal(0, await app.WithDbAsync(tenant.Id, db => db.PanelSignInLinks.CountAsync(l => l.MemberId == memberId)));
        // The comment stays, without a name.
        Assert.Contains("een oud-lid", Html.Text(await editor.GetStringAsync(tenant.Path($"/beheer/klankbord/concept/{draft.Id}"))), StringComparison.Ordinal);
    }
}
