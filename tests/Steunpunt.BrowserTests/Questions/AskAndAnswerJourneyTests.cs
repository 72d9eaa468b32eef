using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.Questions;

/// <summary>
/// The whole Steunen journey in a real browser: a parent asks anonymously, a staff member signs in with two steps
/// and answers, the parent opens the link, reads and replies, staff close the case. Axe checks every page on the
/// way, and the parent's pages and the filtered inbox also at 320 px.
/// </summary>
public sealed class AskAndAnswerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Parent_asks_anonymously_staff_answer_with_two_steps_parent_replies_staff_close()
    {
        var question = $"Mijn zoon van 9 gaat sinds oktober maar twee ochtenden naar school. Mag dat zomaar? ({Guid.NewGuid():N})";

        // The parent, on a phone.
        var parent = await browser.NewPageAsync(width: 320);
        await parent.GotoAsync(browser.Url("/rivierenland/vraag-stellen"));
        await Axe.AssertAccessibleAsync(parent, "ask form at 320px", reflow: true);
        await parent.Locator("main button[type=submit]").ClickAsync(); // sent empty: a clear message, nothing stored
        await Axe.AssertAccessibleAsync(parent, "ask form with errors", reflow: true);
        Assert.Contains("Schrijf uw vraag in het vak", await parent.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await parent.GetByLabel("Ik ben ouder of verzorger").CheckAsync();
        await parent.GetByLabel("Uw vraag", new() { Exact = true }).FillAsync(question);
        await parent.GetByLabel("Waar gaat uw vraag over? (niet verplicht)").SelectOptionAsync(new SelectOptionValue { Label = "Thuiszitten en verzuim" });
        await parent.GetByLabel("Alleen via een persoonlijke link, zonder naam of gegevens (anoniem)").CheckAsync();
        await parent.Locator("main button[type=submit]").ClickAsync();
        await parent.WaitForSelectorAsync("h1:has-text('Uw vraag is ontvangen')");
        await Axe.AssertAccessibleAsync(parent, "confirmation", reflow: true);
        var link = await parent.Locator(".personal-link .secret a").InnerTextAsync();
        var code = await parent.Locator(".secret.code").InnerTextAsync();
        Assert.Matches("^[A-Z2-9]{5}-[A-Z2-9]{5}$", code);

        // Staff: first sign-in sets up two steps.
        var staff = await browser.NewPageAsync();
        await staff.GotoAsync(browser.Url("/rivierenland/account/inloggen"));
        await staff.FillAsync("#Input_Email", "coordinator@rivierenland.example");
        await staff.FillAsync("#Input_Password", SteunpuntApp.Password);
        await staff.Locator("main button[type=submit]").ClickAsync();
        await staff.WaitForSelectorAsync("h1:has-text('Inloggen in twee stappen instellen')");
        await Axe.AssertAccessibleAsync(staff, "two-step setup");
        var key = (await staff.Locator("code[data-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await staff.FillAsync("#Code", SteunpuntApp.NextCodeFor(key));
        await staff.Locator("main button[type=submit]").ClickAsync();
        await staff.WaitForSelectorAsync("h1:has-text('Postvak')");
        await Axe.AssertAccessibleAsync(staff, "inbox");

        // The inbox on a phone: filtered by theme, the first words of the question, nothing scrolls sideways.
        await staff.SetViewportSizeAsync(320, 900);
        await staff.GetByLabel("Thema", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Thuiszitten en verzuim" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await staff.WaitForSelectorAsync("main a:has-text('Wis filters')");
        Assert.Contains("Mijn zoon van 9 gaat sinds oktober maar twee ochtenden naar school.…", await staff.InnerTextAsync("main table"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(staff, "filtered inbox at 320px", reflow: true);
        await staff.SetViewportSizeAsync(1280, 900);

        await staff.Locator("main table a").First.ClickAsync();
        await staff.WaitForSelectorAsync("h1:has-text('Vraag van')");
        Assert.Contains(question, await staff.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(staff, "case page");
        await staff.GetByLabel("Antwoord aan de vraagsteller").FillAsync("Nee, dat mag niet zomaar. Vraag school om een gesprek; wij kunnen meegaan.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Verstuur antwoord" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=Wacht op reactie");

        // The parent opens the link, reads the answer and replies.
        await parent.GotoAsync(link);
        Assert.Contains("wij kunnen meegaan", await parent.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(parent, "conversation at 320px", reflow: true);
        await parent.GetByLabel("Uw reactie").FillAsync("Dank je! Ik wil graag dat jullie meegaan naar het gesprek.");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Verstuur uw reactie" }).ClickAsync();
        await parent.WaitForSelectorAsync("text=Uw reactie is verstuurd");
        await Axe.AssertAccessibleAsync(parent, "conversation after replying", reflow: true);

        // The code works too, on a shared computer without the link.
        var elsewhere = await browser.NewPageAsync();
        await elsewhere.GotoAsync(browser.Url("/rivierenland/gesprek"));
        await elsewhere.GetByLabel("Uw code").FillAsync(code.ToLowerInvariant());
        await elsewhere.GetByRole(AriaRole.Button, new() { Name = "Open mijn gesprek" }).ClickAsync();
        Assert.Contains("Ik wil graag dat jullie meegaan", await elsewhere.InnerTextAsync("main"), StringComparison.Ordinal);

        // Staff see the reply and close the case; the audit log shows who did what.
        await staff.ReloadAsync();
        Assert.Contains("Ik wil graag dat jullie meegaan", await staff.InnerTextAsync("main"), StringComparison.Ordinal);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Vraag afronden" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=Afgerond op");
        await Axe.AssertAccessibleAsync(staff, "closed case");
        await staff.GotoAsync(browser.Url("/rivierenland/postvak?lijst=afgerond"));
        Assert.Equal(1, await staff.Locator("main table tbody tr").CountAsync());
        await staff.GotoAsync(browser.Url("/rivierenland/postvak/logboek"));
        await Axe.AssertAccessibleAsync(staff, "audit log");
        Assert.Contains("Afgerond", await staff.InnerTextAsync("main"), StringComparison.Ordinal);
        await staff.GotoAsync(browser.Url("/rivierenland/postvak/nieuw-contact"));
        await Axe.AssertAccessibleAsync(staff, "register a contact");
        await staff.GotoAsync(browser.Url("/rivierenland/postvak/team"));
        await Axe.AssertAccessibleAsync(staff, "team and accounts");
        Assert.Contains("coordinator@rivierenland.example", await staff.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Empty(browser.ThirdPartyRequests);
    }
}
