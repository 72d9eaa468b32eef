using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>
/// The klankbord in a real browser: an editor invites a parent and sends a draft; the parent gets the invitation
/// through the SMTP server, follows the link, signs in with the button, reads the draft, comments on a paragraph and
/// answers "deels". Axe checks every member page at 320 px and at desktop width.
/// </summary>
public sealed class KlankbordJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_parent_is_invited_signs_in_by_the_link_and_comments_on_a_paragraph()
    {
        var site = await browser.App.WithDbAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "rivierenland"));
        var tenant = new TestTenant(site.Id, site.Slug, site.Name);
        var question = $"Wat doet de klankbordgroep {Guid.NewGuid().ToString("N")[..6]}?";
        var draft = await browser.App.AddDraftAsync(tenant, question, "Ouders lezen mee met nieuwe teksten.\n\nZe zeggen wat onduidelijk is.");
        var email = $"ouder-{Guid.NewGuid():N}@test.example";

        // The editor invites the parent and sends the draft to the parents.
        var editor = await browser.SignInAsEditorAsync("rivierenland");
        await editor.GotoAsync(browser.Url("/rivierenland/beheer/klankbord"));
        await editor.GetByLabel("Naam", new() { Exact = true }).FillAsync("Sanne de Vries");
        await editor.GetByLabel("E-mailadres").FillAsync(email);
        await editor.GetByLabel("Klankbordgroep van ouders").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Uitnodigen" }).ClickAsync();
        await editor.WaitForSelectorAsync("p[role=status]:has-text('De uitnodiging is verstuurd')");
        // The invitation arrives (read before the draft is sent: that mail goes to the same address).
        var invitation = await Mailbox.WaitForAsync(browser.App.MailFolder, email);
        var match = System.Text.RegularExpressions.Regex.Match(invitation.TextBody ?? "", @"http\S+/klankbord/link/\S+");
        Assert.True(match.Success, invitation.TextBody ?? invitation.ToString());
        var link = match.Value;
        // The steunpunt's own host name, on our server.
        Assert.Equal(new Uri(browser.App.ServerAddress).Port, new Uri(link).Port);
        await editor.GotoAsync(browser.Url($"/rivierenland/beheer/klankbord/concept/{draft.Id}"));
        await editor.GetByLabel("Klankbordgroep van ouders").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Sturen" }).ClickAsync();
        await editor.WaitForSelectorAsync("p[role=status]:has-text('De tekst is gestuurd')");
        await Axe.AssertAccessibleAsync(editor, "the editor's draft page");

        // The parent, on a phone, follows the link from the invitation.
        var parent = await browser.NewPageAsync(320);
        await parent.GotoAsync(link);
        await AccessibleAtBothWidthsAsync(parent, "the sign-in button");
        await parent.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await parent.WaitForSelectorAsync("h1:has-text('Teksten om te lezen')");
        await AccessibleAtBothWidthsAsync(parent, "the member's drafts");

        await parent.GetByRole(AriaRole.Link, new() { Name = question }).ClickAsync();
        await parent.WaitForSelectorAsync("h1:has-text('Tekst om te lezen')");
        Assert.Equal(question, (await parent.Locator(".faq .h1").InnerTextAsync()).Trim());
        await AccessibleAtBothWidthsAsync(parent, "a draft for the member");

        await parent.GetByLabel("Over welk stuk gaat je reactie?").SelectOptionAsync("uitleg-2");
        await parent.GetByLabel("Je reactie", new() { Exact = true }).FillAsync("Wat betekent onduidelijk hier? Geef een voorbeeld.");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Reactie versturen" }).ClickAsync();
        await parent.WaitForSelectorAsync("p[role=status]:has-text('Je reactie is bewaard')");
        await parent.GetByLabel("Deels", new() { Exact = true }).CheckAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Antwoord bewaren" }).ClickAsync();
        await parent.WaitForSelectorAsync("p[role=status]:has-text('Je antwoord is bewaard')");
        Assert.True(await parent.GetByLabel("Deels", new() { Exact = true }).IsCheckedAsync());
        await AccessibleAtBothWidthsAsync(parent, "the draft with the member's comment");

        var stored = await browser.App.WithDbAsync(tenant.Id, async db => (
            await db.Set<Steunpunt.Information.Klankbord.PanelComment>().Where(c => c.DraftId == draft.Id).Select(c => c.ParagraphKey).SingleAsync(),
            await db.Set<Steunpunt.Information.Klankbord.PanelVerdict>().Where(v => v.DraftId == draft.Id).Select(v => v.Answer).SingleAsync()));
        Assert.Equal(("uitleg-2", Steunpunt.Information.Klankbord.Verdict.Deels), stored);

        await parent.GotoAsync(browser.Url("/rivierenland/klankbord/inloggen"));
        await AccessibleAtBothWidthsAsync(parent, "asking for a new link");
        Assert.Empty(browser.ThirdPartyRequests);
        await parent.Context.CloseAsync();
        await editor.Context.CloseAsync();
    }

    private static async Task AccessibleAtBothWidthsAsync(IPage page, string what)
    {
        await page.SetViewportSizeAsync(320, 900);
        await Axe.AssertAccessibleAsync(page, $"{what} at 320px", reflow: true);
        await page.SetViewportSizeAsync(1280, 900);
        await Axe.AssertAccessibleAsync(page, $"{what} at desktop width");
        await page.SetViewportSizeAsync(320, 900);
    }
}
