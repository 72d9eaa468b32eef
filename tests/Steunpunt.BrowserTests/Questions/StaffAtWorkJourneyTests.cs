using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Questions;

/// <summary>
/// A staff member's day, on a phone: register a phone call with a call-back number, call back,
/// keep a reply template, and answer a parent's question with that template and a link to an answer on the site.
/// Axe checks every page at 320 px, and nothing may scroll sideways. Without JavaScript the template still goes in.
/// </summary>
public sealed class StaffAtWorkJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_register_a_call_back_and_answer_with_a_template_and_a_link_to_an_answer()
    {
        var staff = await browser.SignInAsync("rivierenland", "coordinator@rivierenland.example", "Postvak");
        await staff.SetViewportSizeAsync(320, 900);
        await staff.GotoAsync(browser.Url("/rivierenland/postvak"));
        await Axe.AssertAccessibleAsync(staff, "inbox at 320px", reflow: true);
        // The work menu folds away behind "Menu"; the public menu is not there.
        Assert.Equal(0, await staff.Locator("nav[aria-label=Hoofdmenu]").CountAsync());
        await staff.Locator("summary:has-text('Menu')").ClickAsync();
        Assert.True(await staff.GetByRole(AriaRole.Link, new() { Name = "Naar de website" }).IsVisibleAsync());

        // A phone call: two themes, how long it took, and a promise to call back in the morning.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Contact vastleggen" }).ClickAsync();
        await staff.WaitForSelectorAsync("h1:has-text('Contact vastleggen')");
        await Axe.AssertAccessibleAsync(staff, "register a contact at 320px", reflow: true);
        await staff.GetByLabel("Waar ging het over? (interne notitie)").FillAsync("Moeder belde: haar dochter zit thuis en de school reageert niet.");
        await staff.GetByLabel("Thuiszitten en verzuim").CheckAsync();
        await staff.GetByLabel("Samenwerken met school").CheckAsync();
        await staff.GetByLabel("Hoe lang duurde het contact? (minuten)").FillAsync("een kwartier");
        await staff.GetByLabel("We hebben afgesproken dat we terugbellen").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        // Refused with plain messages; what was typed stays.
        await staff.WaitForSelectorAsync(".error-summary");
        Assert.Contains("Vul het nummer in waarop we terugbellen.", await staff.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        Assert.Contains("Vul de duur in hele minuten in", await staff.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        Assert.True(await staff.GetByLabel("Samenwerken met school").IsCheckedAsync());
        await Axe.AssertAccessibleAsync(staff, "contact form with errors at 320px", reflow: true);
        await staff.GetByLabel("Hoe lang duurde het contact? (minuten)").FillAsync("15");
        await staff.GetByLabel("Terugbelnummer").FillAsync("06 12 34 56 78");
        await staff.Locator("#Input_PhoneWindows input[value=ochtend]").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await staff.WaitForSelectorAsync("h2:has-text('Terugbellen')");
        Assert.Contains("0612345678", await staff.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(staff, "registered call at 320px", reflow: true);
        await staff.GetByLabel("Wat is er besproken? (interne notitie, niet verplicht)").FillAsync("Uitgelegd wat de leerplichtambtenaar doet.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Teruggebeld" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=Uitgelegd wat de leerplichtambtenaar doet.");
        Assert.Equal(0, await staff.Locator("h2:has-text('Terugbellen')").CountAsync());

        // A template for first answers.
        await staff.GotoAsync(browser.Url("/rivierenland/postvak"));
        await staff.GetByRole(AriaRole.Link, new() { Name = "Sjablonen voor antwoorden" }).ClickAsync();
        await staff.WaitForSelectorAsync("h1:has-text('Sjablonen voor antwoorden')");
        await staff.GetByLabel("Naam van het sjabloon").FillAsync("Eerste antwoord thuiszitten");
        await staff.GetByLabel("Tekst", new() { Exact = true }).FillAsync("{aanhef}\n\nDank voor uw vraag. Hieronder leest u meer.\n\nMet vriendelijke groet,\n{medewerker}");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sjabloon opslaan" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=is opgeslagen");
        await Axe.AssertAccessibleAsync(staff, "templates at 320px", reflow: true);

        // A parent asks; staff answer with the template and a link to an answer on the site.
        var question = $"Mijn dochter zit al drie weken thuis. Wat kan ik doen? ({Guid.NewGuid():N})";
        var parent = await browser.NewPageAsync(width: 320);
        await parent.GotoAsync(browser.Url("/rivierenland/vraag-stellen"));
        await parent.GetByLabel("Ik ben ouder of verzorger").CheckAsync();
        await parent.GetByLabel("Uw vraag", new() { Exact = true }).FillAsync(question);
        await parent.GetByLabel("Alleen via een persoonlijke link, zonder naam of gegevens (anoniem)").CheckAsync();
        await parent.Locator("main button[type=submit]").ClickAsync();
        await parent.WaitForSelectorAsync("h1:has-text('Uw vraag is ontvangen')");
        var link = await parent.Locator(".personal-link .secret a").InnerTextAsync();

        await staff.GotoAsync(browser.Url("/rivierenland/postvak"));
        await staff.Locator("main table tr", new() { HasText = "Mijn dochter zit al drie weken thuis" }).Locator("a").ClickAsync();
        await staff.WaitForSelectorAsync("h1:has-text('Vraag van')");
        await staff.GetByLabel("Antwoord aan de vraagsteller").FillAsync("Wat vervelend dat uw dochter thuis zit.");
        await staff.GetByLabel("Sjabloon", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Eerste antwoord thuiszitten" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sjabloon invoegen" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=staat in uw antwoord");
        var reply = await staff.GetByLabel("Antwoord aan de vraagsteller").InputValueAsync();
        Assert.StartsWith("Wat vervelend dat uw dochter thuis zit.\n\nBeste ouder,\n\nDank voor uw vraag.", reply.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // Enter in the search box searches (it does not send the reply).
        await staff.GetByLabel("Link naar een antwoord op de site").FillAsync("kind zit thuis");
        await staff.GetByLabel("Link naar een antwoord op de site").PressAsync("Enter");
        await staff.WaitForSelectorAsync("text=gevonden");
        await Axe.AssertAccessibleAsync(staff, "case with answers found at 320px", reflow: true);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Link invoegen: Mijn kind zit thuis en gaat niet naar school. Wat kan ik doen?" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=De link naar");
        reply = (await staff.GetByLabel("Antwoord aan de vraagsteller").InputValueAsync()).ReplaceLineEndings("\n");
        Assert.Contains("Beste ouder,", reply, StringComparison.Ordinal);
        Assert.EndsWith("/informatie/mijn-kind-zit-thuis", reply, StringComparison.Ordinal);
        var caseUrl = staff.Url;
        await staff.GetByRole(AriaRole.Button, new() { Name = "Verstuur antwoord" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=Wacht op reactie");

        // The same with JavaScript off: the buttons are plain form buttons.
        var plain = await browser.NewPageAsync(width: 320, javaScript: false);
        await plain.Context.AddCookiesAsync((await staff.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            Expires = c.Expires,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));
        await plain.GotoAsync(caseUrl);
        await plain.GetByLabel("Antwoord aan de vraagsteller").FillAsync("Nog een vraag:");
        await plain.GetByRole(AriaRole.Button, new() { Name = "Sjabloon invoegen" }).ClickAsync();
        await plain.WaitForSelectorAsync("text=staat in uw antwoord");
        Assert.StartsWith("Nog een vraag:\n\nBeste ouder,", (await plain.GetByLabel("Antwoord aan de vraagsteller").InputValueAsync()).ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // The parent reads the answer with the link and follows it.
        await parent.GotoAsync(link);
        var conversation = await parent.InnerTextAsync("main");
        Assert.Contains("Dank voor uw vraag.", conversation, StringComparison.Ordinal);
        Assert.Contains("/informatie/mijn-kind-zit-thuis", conversation, StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(parent, "answer with a link at 320px", reflow: true);
        await parent.Locator(".from-staff a[href$='/informatie/mijn-kind-zit-thuis']").ClickAsync();
        await parent.WaitForSelectorAsync("h1:has-text('Mijn kind zit thuis')");
        Assert.Empty(browser.ThirdPartyRequests);
    }
}
