using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Steunpunt.Accounts;
using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.Accounts;

/// <summary>
/// A staff member who forgot their password, on a phone and by keyboard: from the sign-in page to the mail, a new
/// password, and back to signing in, where the second step is still asked. Axe checks every page at 320 px. (The
/// pages are plain forms; the integration tests use them without any script.)
/// </summary>
public sealed class ForgottenPasswordJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_staff_member_asks_a_link_chooses_a_new_password_and_still_gives_the_code()
    {
        var site = await browser.App.WithDbAsync(null, db => db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "rivierenland"));
        var email = await browser.App.CreateAccountAsync(new TestTenant(site.Id, site.Slug, site.Name), "Vergeetachtig", Policies.Staff);
        await browser.SignInAsync("rivierenland", email, "Postvak"); // two steps are set up

        var page = await browser.NewPageAsync(width: 320);
        await page.GotoAsync(browser.Url("/rivierenland/account/inloggen"));
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('Wachtwoord vergeten')");
        await Axe.AssertAccessibleAsync(page, "the forgotten-password form at 320px", reflow: true);

        await page.Locator("main button[type=submit]").ClickAsync(); // sent empty: a clear message
        await Axe.AssertAccessibleAsync(page, "the forgotten-password form with an error", reflow: true);
        Assert.Contains("Vul uw e-mailadres in", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("p[role=status]:has-text('Als dit adres bij ons bekend is')");
        await Axe.AssertAccessibleAsync(page, "the answer at 320px", reflow: true);

        var mail = await Mailbox.WaitForAsync(browser.App.MailFolder, email);
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"http\S+/account/nieuw-wachtwoord\S+");
        Assert.True(link.Success, mail.TextBody ?? mail.ToString());
        await page.GotoAsync(link.Value);
        await page.WaitForSelectorAsync("h1:has-text('Nieuw wachtwoord kiezen')");
        await Axe.AssertAccessibleAsync(page, "the new-password form at 320px", reflow: true);
        await page.GetByLabel("Nieuw wachtwoord (minstens 12 tekens)").FillAsync("Nieuw-wachtwoord-789");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("p[role=status]:has-text('Uw nieuwe wachtwoord is opgeslagen')");
        await Axe.AssertAccessibleAsync(page, "the sign-in page after a new password at 320px", reflow: true);

        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", "Nieuw-wachtwoord-789");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('Inloggen: tweede stap')");

        // The used link now says so, and points to a new one.
        await page.GotoAsync(link.Value);
        await page.WaitForSelectorAsync("p[role=alert]:has-text('Deze link werkt niet meer')");
        await Axe.AssertAccessibleAsync(page, "a used link at 320px", reflow: true);
    }
}
