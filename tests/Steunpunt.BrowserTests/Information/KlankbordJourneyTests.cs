using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>
/// The klankbord in a real browser (issue 14, "done when"): an editor writes a concept, invites a parent and sends
/// the concept; the parent gets the invitation through the SMTP server, follows the link, signs in with the button,
/// reads the draft, comments on a paragraph and answers "deels"; the editor answers, marks the comment "aangepast",
/// changes the text and publishes it, and the public page equals the preview. Axe checks every page, at 320 px too.
/// </summary>
public sealed class KlankbordJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_editor_drafts_a_parent_comments_by_link_and_the_editor_resolves_and_publishes()
    {
        var site = await browser.App.WithDbAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "rivierenland"));
        var tenant = new TestTenant(site.Id, site.Slug, site.Name);
        var question = $"Wat doet de klankbordgroep {Guid.NewGuid().ToString("N")[..6]}?";
        var email = $"ouder-{Guid.NewGuid():N}@test.example";

        // The editor writes a concept: visitors do not see it.
        var editor = await browser.SignInAsEditorAsync("rivierenland");
        await editor.GotoAsync(browser.Url("/rivierenland/beheer/item"));
        await editor.GetByLabel("Vraag", new() { Exact = true }).FillAsync(question);
        await editor.GetByLabel("Kort antwoord (2 of 3 zinnen)").FillAsync("Ouders denken mee over de teksten op deze website.");
        await editor.GetByLabel("Meer uitleg").FillAsync("Ouders lezen mee met nieuwe teksten.\n\nZe zeggen wat onduidelijk is.");
        await editor.GetByLabel("Thema").SelectOptionAsync(new SelectOptionValue { Index = 3 });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Opslaan als concept" }).ClickAsync();
        await editor.WaitForSelectorAsync("p[role=status]:has-text('Opgeslagen als concept')");
        await editor.SetViewportSizeAsync(320, 900);
        await Axe.AssertAccessibleAsync(editor, "the item editor with its concept at 320px", reflow: true);
        await editor.SetViewportSizeAsync(1280, 900);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Klankbordgroep: laat ouders of jongeren dit concept lezen, en lees hun reacties" }).ClickAsync();
        await editor.WaitForSelectorAsync("h1:has-text('Klankbord:')");
        var draftPage = editor.Url;
        var draftId = Guid.Parse(draftPage.Split('/').Last());
        var slug = Steunpunt.Information.Editing.Slugs.From(question);
        var visitor = await browser.NewPageAsync(width: 320);
        Assert.Equal(404, (await visitor.GotoAsync(browser.Url($"/rivierenland/informatie/{slug}")))!.Status);

        // The editor invites the parent and sends the draft to the parents.
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
        await editor.GotoAsync(draftPage);
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
            await db.Set<Steunpunt.Information.Klankbord.PanelComment>().Where(c => c.DraftId == draftId).Select(c => c.ParagraphKey).SingleAsync(),
            await db.Set<Steunpunt.Information.Klankbord.PanelVerdict>().Where(v => v.DraftId == draftId).Select(v => v.Answer).SingleAsync()));
        Assert.Equal(("uitleg-2", Steunpunt.Information.Klankbord.Verdict.Deels), stored);

        await parent.GotoAsync(browser.Url("/rivierenland/klankbord/inloggen"));
        await AccessibleAtBothWidthsAsync(parent, "asking for a new link");

        // The editor reads the comment beside its paragraph, answers it and marks it "aangepast".
        await editor.GotoAsync(draftPage);
        var paragraph = editor.Locator("section.panel-paragraph", new() { Has = editor.GetByText("Wat betekent onduidelijk hier? Geef een voorbeeld.") });
        Assert.Contains("Ze zeggen wat onduidelijk is.", await paragraph.Locator("blockquote").First.InnerTextAsync(), StringComparison.Ordinal);
        await paragraph.GetByLabel("Uw antwoord").FillAsync("Dank je. We geven nu een voorbeeld.");
        await paragraph.GetByLabel("Aangepast", new() { Exact = true }).CheckAsync();
        await paragraph.GetByRole(AriaRole.Button, new() { Name = "Bewaar antwoord" }).ClickAsync();
        await editor.WaitForSelectorAsync("p[role=status]:has-text('Uw antwoord is bewaard')");
        await editor.SetViewportSizeAsync(320, 900);
        await Axe.AssertAccessibleAsync(editor, "the editor's draft page with a comment at 320px", reflow: true);
        await editor.SetViewportSizeAsync(1280, 900);

        // The editor changes the text, previews it and publishes: the public page is the preview.
        await editor.GetByRole(AriaRole.Link, new() { Name = "Tekst bewerken" }).ClickAsync();
        await editor.GetByLabel("Meer uitleg").FillAsync("Ouders lezen mee met nieuwe teksten.\n\nZe zeggen wat onduidelijk is, bijvoorbeeld een moeilijk woord.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld" }).ClickAsync();
        await editor.WaitForSelectorAsync("#voorbeeld-titel");
        var preview = await editor.Locator("section.preview article.faq").InnerTextAsync();
        Assert.Contains("bijvoorbeeld een moeilijk woord", preview, StringComparison.Ordinal);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await editor.WaitForSelectorAsync("p[role=status]:has-text('Opgeslagen en gepubliceerd')");
        Assert.Equal(200, (await visitor.GotoAsync(browser.Url($"/rivierenland/informatie/{slug}")))!.Status);
        Assert.Equal(preview, await visitor.Locator("article.faq").InnerTextAsync());
        await Axe.AssertAccessibleAsync(visitor, "the published page at 320px", reflow: true);
        // The published draft is no longer offered to the panel; the log counts the change their input made.
        await parent.GotoAsync(browser.Url("/rivierenland/klankbord"));
        Assert.DoesNotContain(question, await parent.InnerTextAsync("main"), StringComparison.Ordinal);
        await editor.GotoAsync(browser.Url("/rivierenland/beheer/klankbord/verslag"));
        Assert.Contains(question, await editor.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(editor, "the participation log");
        Assert.Empty(browser.ThirdPartyRequests);
        await parent.Context.CloseAsync();
        await visitor.Context.CloseAsync();
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
