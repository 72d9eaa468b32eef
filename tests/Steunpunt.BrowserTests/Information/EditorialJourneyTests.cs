using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>
/// An editor in a real browser: previews a new item (the preview is the public page, also at 320 px), publishes it,
/// changes it, compares the two versions and puts the first back in the form; the dashboard lists what is due for
/// review. Axe checks each page.
/// </summary>
public sealed class EditorialJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Preview_equals_the_public_page_and_versions_compare_and_restore()
    {
        var editor = await browser.SignInAsEditorAsync("rivierenland");
        await Axe.AssertAccessibleAsync(editor, "the editors' dashboard with review dates");
        Assert.Contains("Controleren", await editor.InnerTextAsync("main"), StringComparison.Ordinal);

        var question = $"Mag ik meepraten over het OPP {Guid.NewGuid():N}?";
        await editor.GotoAsync(browser.Url("/rivierenland/beheer/item"));
        await editor.GetByLabel("Vraag", new() { Exact = true }).FillAsync(question);
        await editor.GetByLabel("Kort antwoord (2 of 3 zinnen)").FillAsync("Ja. School maakt het ontwikkelingsperspectief samen met u.");
        await editor.GetByLabel("Meer uitleg").FillAsync("Het **OPP** beschrijft wat uw kind nodig heeft.");
        await editor.GetByLabel("Thema").SelectOptionAsync(new SelectOptionValue { Index = 3 });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld" }).ClickAsync();
        await editor.WaitForSelectorAsync("#voorbeeld-titel");
        await editor.SetViewportSizeAsync(320, 800);
        await Axe.AssertAccessibleAsync(editor, "the preview at 320px", reflow: true);
        var preview = await editor.Locator("section.preview article.faq").InnerTextAsync();
        await editor.SetViewportSizeAsync(1280, 900);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await editor.WaitForSelectorAsync("p[role=status]:has-text('Opgeslagen en gepubliceerd')");

        var visitor = await browser.NewPageAsync(width: 320);
        await visitor.GotoAsync(browser.Url("/rivierenland/"));
        await visitor.GotoAsync(browser.Url($"/rivierenland/informatie/{Steunpunt.Information.Editing.Slugs.From(question)}"));
        Assert.Equal(preview, await visitor.Locator("article.faq").InnerTextAsync());

        // A second publish, then the two versions side by side and the first back in the form.
        await editor.GetByLabel("Kort antwoord (2 of 3 zinnen)").FillAsync("Ja. School en u maken het ontwikkelingsperspectief samen.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await editor.WaitForSelectorAsync("p[role=status]:has-text('Opgeslagen en gepubliceerd')");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Eerdere versies" }).ClickAsync();
        await editor.WaitForSelectorAsync("#verschil");
        Assert.Contains("en u maken", await editor.Locator("ins").First.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(editor, "comparing two versions");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Zet versie 1 terug in het formulier" }).ClickAsync();
        await editor.WaitForSelectorAsync("p[role=status]:has-text('De tekst van versie 1 staat in het formulier')");
        Assert.Equal("Ja. School maakt het ontwikkelingsperspectief samen met u.", await editor.GetByLabel("Kort antwoord (2 of 3 zinnen)").InputValueAsync());
        await Axe.AssertAccessibleAsync(editor, "a version restored into the form");
        Assert.Empty(browser.ThirdPartyRequests);
    }
}
