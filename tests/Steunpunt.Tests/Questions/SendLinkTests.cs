using System.Net;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Questions;

/// <summary>"Stuur mij de link" on the confirmation: one mail to an address that is used once and not kept.</summary>
public sealed class SendLinkTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_link_and_code_are_mailed_once_and_the_address_is_not_kept(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var secret = $"Mijn vraag over de overstap {Guid.NewGuid():N}";
        var confirmation = await (await SteunpuntApp.PostQuestionAsync(client, tenant, SteunpuntApp.QuestionFields(secret))).Content.ReadAsStringAsync();
        var asked = AskedQuestion.From(confirmation);
        Assert.Contains("Stuur mij de link", confirmation, StringComparison.Ordinal);
        var address = $"ouder-{Guid.NewGuid():N}@voorbeeld.nl";

        // A wrong address: a plain message, and what was typed stays.
        var wrong = await client.PostAsync(tenant.Path("/vraag-stellen?handler=SendLink"),
            SteunpuntApp.FormWithHidden(confirmation, new Dictionary<string, string> { ["Send.Email"] = "ouder-at-voorbeeld" }));
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Dit e-mailadres klopt niet", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"ouder-at-voorbeeld\"", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(asked.Code, AskedQuestion.From(wrongHtml).Code);

        var sent = await client.PostAsync(tenant.Path("/vraag-stellen?handler=SendLink"),
            SteunpuntApp.FormWithHidden(confirmation, new Dictionary<string, string> { ["Send.Email"] = address }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var sentHtml = await sent.Content.ReadAsStringAsync();
        Assert.Contains("We hebben de link en de code naar u gemaild.", sentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(address, sentHtml, StringComparison.Ordinal);

        var mail = await Mailbox.WaitForAsync(app.MailFolder, address);
        var body = mail.TextBody;
        Assert.Contains(asked.Link.ToString(), body, StringComparison.Ordinal);
        Assert.Contains(asked.Code, body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);

        // Once sent, the outbox row keeps neither the address nor the text.
        var rows = await app.WithDbAsync(null, db => db.Set<Steunpunt.Web.Mail.OutgoingMail>().AsNoTracking().Where(m => m.TenantId == tenant.Id).ToListAsync());
        var row = Assert.Single(rows);
        Assert.NotNull(row.SentAt);
        Assert.Equal("", row.To);
        Assert.Equal("", row.Body);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_link_and_code_that_do_not_belong_together_send_nothing(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var first = await (await SteunpuntApp.PostQuestionAsync(client, tenant, SteunpuntApp.QuestionFields("Eerste vraag over school."))).Content.ReadAsStringAsync();
        var second = AskedQuestion.From(await (await SteunpuntApp.PostQuestionAsync(client, tenant, SteunpuntApp.QuestionFields("Tweede vraag over school."))).Content.ReadAsStringAsync());

        var response = await client.PostAsync(tenant.Path("/vraag-stellen?handler=SendLink"),
            SteunpuntApp.FormWithHidden(first, new Dictionary<string, string> { ["Send.Code"] = second.Code, ["Send.Email"] = "iemand@voorbeeld.nl" }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(null, db => db.Set<Steunpunt.Web.Mail.OutgoingMail>().CountAsync(m => m.TenantId == tenant.Id)));
    }
}
