using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.National;

/// <summary>
/// The national pages that only had integration tests: the national accounts, the page that prepares removing a
/// steunpunt, the parts of the information set (list and one part) and the public "nieuw en gewijzigd". Axe on each,
/// at desktop and 320 px width.
/// </summary>
public sealed class NationalPagesAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task National_accounts_removal_parts_and_new_and_changed_pass_axe()
    {
        var admin = await browser.SignInAsync("", "beheer@steunpunt.example", "Steunpunten beheren");
        await admin.GetByRole(AriaRole.Link, new() { Name = "landelijke accounts" }).ClickAsync();
        await admin.WaitForSelectorAsync("h1");
        await Axe.AssertAccessibleAsync(admin, "national accounts");
        await admin.GotoAsync(browser.Url("/beheer/steunpunten"));
        await admin.Locator("main table a").First.ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Opheffen van .* voorbereiden$") }).ClickAsync();
        await admin.WaitForSelectorAsync("h1");
        await admin.SetViewportSizeAsync(320, 800);
        await Axe.AssertAccessibleAsync(admin, "preparing the removal of a steunpunt at 320px", reflow: true);

        var editor = await browser.SignInAsync("", "landelijk@steunpunt.example", "Beheer");
        await editor.GotoAsync(browser.Url("/beheer/delen"));
        await Axe.AssertAccessibleAsync(editor, "the parts of the information set");
        await editor.GetByLabel("Naam van een nieuw deel").FillAsync($"Deel {Guid.NewGuid():N}"[..12]);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Maak het deel" }).ClickAsync();
        await editor.WaitForLoadStateAsync();
        await editor.SetViewportSizeAsync(320, 800);
        await Axe.AssertAccessibleAsync(editor, "one part of the information set at 320px", reflow: true);

        var visitor = await browser.NewPageAsync(width: 320);
        await visitor.GotoAsync(browser.Url("/rivierenland/nieuw-en-gewijzigd"));
        await Axe.AssertAccessibleAsync(visitor, "new and changed at 320px", reflow: true);
        await visitor.GotoAsync(browser.Url("/nieuw-en-gewijzigd"));
        await Axe.AssertAccessibleAsync(visitor, "new and changed, national, at 320px", reflow: true);
    }
}
