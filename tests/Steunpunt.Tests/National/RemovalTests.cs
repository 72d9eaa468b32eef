using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Questions;
using Steunpunt.Stories;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.National;

/// <summary>Removing a steunpunt takes two deliberate steps; afterwards it is gone for everyone, and its cases stay
/// until their retention ends, when only what the counts need is left.</summary>
public sealed class RemovalTests(Apps apps) : IClassFixture<Apps>
{
    private const string Secret = "Onze zoon Daan wordt gepest op De Wilg";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_removed_steunpunt_is_gone_and_its_cases_lose_their_personal_part_when_retention_ends(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync("Steunpunt Opheffen");
        var other = await app.CreateTenantAsync("Steunpunt Blijft");
        var staff = await app.SignInAsStaffAsync(tenant);
        await app.AskQuestionAsync(tenant, Secret);
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Stories.Add(new Story { ReceivedAt = DateTimeOffset.UtcNow, Moment = "Nog niet nagekeken verhaal van Daan", Teller = Teller.Ouder });
            await db.SaveChangesAsync();
        });
        var now = DateTimeOffset.UtcNow;
        var (oldClosed, stillOpen) = (Guid.NewGuid(), Guid.NewGuid());
        await app.WithDbAsync(other.Id, async db =>
        {
            db.Cases.AddRange(
                new SupportCase { Id = oldClosed, ReceivedAt = now.AddMonths(-15), LastActivityAt = now.AddMonths(-13), Status = CaseStatus.Closed, Channel = Channel.Telefoon, ContactName = "Els Bakker", Phone = "0612345678", ThemeCodes = ThemeSet.Of("T13") },
                new SupportCase { Id = stillOpen, ReceivedAt = now.AddMonths(-15), LastActivityAt = now.AddMonths(-14), Status = CaseStatus.Open, Channel = Channel.Telefoon, ContactName = "Kees Jansen" });
            db.CaseNotes.Add(new CaseNote { CaseId = oldClosed, At = now.AddMonths(-13), Text = "Gebeld met Els" });
            db.CaseNotes.Add(new CaseNote { CaseId = stillOpen, At = now.AddMonths(-1), Text = "Gebeld met Kees" });
            await db.SaveChangesAsync();
        });

        // Step one shows what will happen; a wrong confirmation keeps what was typed and changes nothing.
        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        var url = $"/beheer/steunpunt/{tenant.Id}/opheffen";
        var page = await admin.GetStringAsync(url);
        var text = System.Text.RegularExpressions.Regex.Replace(Html.Text(page), @"\s+", " ");
        Assert.Contains("1 vraag of contact met persoonlijke gegevens blijft bewaard tot de bewaartermijn voorbij is: 12 maanden", text, StringComparison.Ordinal);
        Assert.Contains("Voor wat nog open staat (1) telt de bewaartermijn vanaf vandaag.", text, StringComparison.Ordinal);
        Assert.Contains("1 account van het team kan niet meer inloggen.", text, StringComparison.Ordinal);
        var wrong = await admin.PostAsync(url, SteunpuntApp.FormFrom(page, ("Confirm", "opheffen")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains($"Typ precies {tenant.Slug} om te bevestigen", Html.Text(wrongHtml), StringComparison.Ordinal);
        Assert.Contains("value=\"opheffen\"", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(tenant.Path("/"))).StatusCode);
        // Another role cannot remove it.
        var editor = await app.SignInAsync(await app.CreateAccountAsync(null, "Landelijk", Policies.NationalEditor), null);
        var refused = await editor.PostAsync(url, SteunpuntApp.FormFrom(page, ("Confirm", tenant.Slug)));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("opgeheven", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(tenant.Path("/"))).StatusCode);

        var removed = await admin.PostAsync(url, SteunpuntApp.FormFrom(page, ("Confirm", $" {tenant.Slug.ToUpperInvariant()} ")));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        // Gone for visitors, for the finder, for its own team (session and new sign-in), and no longer editable.
        var visitor = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(tenant.Path("/"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(tenant.Path("/vraag-stellen"))).StatusCode);
        Assert.DoesNotContain("Steunpunt Opheffen", await visitor.GetStringAsync("/steunpunten"), StringComparison.Ordinal);
        Assert.DoesNotContain("Steunpunt Opheffen", await visitor.GetStringAsync("/?zoek=opheffen"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Client.GetAsync(tenant.Path("/postvak"))).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SteunpuntUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(staff.Email))!));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/beheer/steunpunt/{tenant.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
        Assert.Contains($"Opgeheven op {Dutch.Date(WorkingDays.DutchDate(now))}", Html.Text(await admin.GetStringAsync("/beheer/steunpunten")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(other.Path("/"))).StatusCode);

        // The case is still there, unread, until the retention ends.
        var kept = await app.WithDbAsync(tenant.Id, db => db.Cases.Include(c => c.Messages).SingleAsync());
        Assert.Contains(kept.Messages, m => m.Text.Contains(Secret, StringComparison.Ordinal));

        // Thirteen months on: the removed steunpunt's open case and the other's old closed case lose their personal
        // part and keep their counts; the live steunpunt's case that is still open is untouched, however old.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await CaseRetention.AnonymiseDueAsync(scope.ServiceProvider.GetRequiredService<SteunpuntDb>(), TimeSpan.FromDays(365), now.AddMonths(13), default);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The teller's own words of a story nobody there will review go after the same grace as approved ones.
            await StoriesFeature.DeleteOriginalsAsync(scope.ServiceProvider.GetRequiredService<SteunpuntDb>(), now.AddDays(1), now.AddDays(2), default);
        }
        var story = await app.WithDbAsync(tenant.Id, db => db.Stories.SingleAsync());
        Assert.Equal(("", true), (story.Moment, story.OriginalDeletedAt is not null));
        var gone = await app.WithDbAsync(tenant.Id, db => db.Cases.Include(c => c.Messages).Include(c => c.Notes).SingleAsync());
        Assert.Empty(gone.Messages);
        Assert.Equal(("", null), (gone.ContactName, gone.LinkHash));
        Assert.NotNull(gone.AnonymisedAt);
        var old = await app.WithDbAsync(other.Id, db => db.Cases.Include(c => c.Notes).SingleAsync(c => c.Id == oldClosed));
        Assert.Equal(("", "", 0), (old.ContactName, old.Phone, old.Notes.Count));
        Assert.Equal((Channel.Telefoon, "T13"), (old.Channel, old.ThemeCodes.ToString()));
        var recent = await app.WithDbAsync(other.Id, db => db.Cases.Include(c => c.Notes).SingleAsync(c => c.Id == stillOpen));
        Assert.Equal(("Kees Jansen", 1, null), (recent.ContactName, recent.Notes.Count, recent.AnonymisedAt));
        var audit = await app.WithDbAsync(other.Id, db => db.CaseAudit.Where(a => a.CaseId == oldClosed).Select(a => a.Action).ToListAsync());
        Assert.Equal([CaseAction.Geanonimiseerd], audit);
    }
}
