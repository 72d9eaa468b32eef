using Microsoft.Playwright;
using MimeKit;
using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.National;

/// <summary>
/// The expertise network in a real browser: a coordinator asks the expert group, an expert answers and publishes it in
/// the knowledge base; a professional on a phone registers for a webinar and the invitation arrives through the SMTP
/// server; a practice example goes from submitted to published. Axe checks every page on the way.
/// </summary>
public sealed class ExpertiseJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Expert_question_to_knowledge_base_webinar_registration_and_a_practice_example()
    {
        // 1. The coordinator asks the expert group.
        var coordinator = await browser.SignInAsync("rivierenland", "coordinator@rivierenland.example", "Postvak");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Expertgroep", Exact = true }).ClickAsync();
        await coordinator.WaitForSelectorAsync("h1:has-text('Vragen aan de expertgroep')");
        await Axe.AssertAccessibleAsync(coordinator, "the team's questions to the expert group");
        await coordinator.GetByLabel("Titel van je vraag").FillAsync("Ouders laten meelezen");
        await coordinator.GetByLabel("Informeren").CheckAsync();
        await coordinator.GetByLabel("Je vraag", new() { Exact = true }).FillAsync("Bel mij op 06-12345678 als het kan. Hoe laten we ouders meelezen met onze informatie?");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Verstuur je vraag" }).ClickAsync();
        await coordinator.WaitForSelectorAsync(".error-summary");
        await Axe.AssertAccessibleAsync(coordinator, "the question refused for a phone number");
        Assert.Equal("Ouders laten meelezen", await coordinator.GetByLabel("Titel van je vraag").InputValueAsync());
        await coordinator.GetByLabel("Je vraag", new() { Exact = true }).FillAsync("Hoe laten we ouders meelezen met onze informatie?");
        await coordinator.GetByLabel("mag de naam van ons steunpunt erbij staan").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Verstuur je vraag" }).ClickAsync();
        await coordinator.WaitForSelectorAsync("p[role=status]:has-text('Je vraag is verstuurd')");
        var threadUrl = coordinator.Url.Split('?')[0];
        await Axe.AssertAccessibleAsync(coordinator, "the team's thread");

        // 2. An expert takes it, answers, marks it as playing more widely and writes a knowledge-base item.
        var expert = await browser.SignInAsync("", "expert@steunpunt.example", "Vragen van steunpunten");
        await Axe.AssertAccessibleAsync(expert, "the expert queue");
        await expert.GetByRole(AriaRole.Link, new() { Name = "Ouders laten meelezen" }).ClickAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = "Ik pak deze vraag op" }).ClickAsync();
        await expert.WaitForSelectorAsync("p[role=status]:has-text('Je behandelt deze vraag nu')");
        await Axe.AssertAccessibleAsync(expert, "an expert's thread");
        const string answer = "Vraag vier ouders om vier keer per jaar een paar pagina's te lezen, en vertel daarna wat jullie veranderden.";
        await expert.GetByLabel("Je antwoord").FillAsync(answer);
        await expert.GetByRole(AriaRole.Button, new() { Name = "Verstuur het antwoord" }).ClickAsync();
        await expert.WaitForSelectorAsync("p[role=status]:has-text('Je antwoord is verstuurd')");
        await expert.GetByLabel("Ja, meer steunpunten hebben deze vraag").CheckAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = "Bewaar", Exact = true }).ClickAsync();
        await expert.WaitForSelectorAsync("p[role=status]:has-text('Opgeslagen')");
        await expert.GetByRole(AriaRole.Link, new() { Name = "Maak er een kennisbank-item van" }).ClickAsync();
        await expert.WaitForSelectorAsync("h1:has-text('Kennisbank-item schrijven')");
        await Axe.AssertAccessibleAsync(expert, "writing a knowledge-base item");
        await expert.GetByLabel("De vraag", new() { Exact = true }).FillAsync("Hoe laat je ouders meelezen met de informatie van het steunpunt?");
        await expert.GetByLabel("Het antwoord").FillAsync(answer);
        await expert.GetByLabel("Noem het steunpunt").CheckAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = "Publiceer in de kennisbank" }).ClickAsync();
        await expert.WaitForSelectorAsync("h2:has-text('Het antwoord van de expertgroep')");

        // The knowledge base, as anyone reads it on a phone: the item is found by search.
        var reader = await browser.NewPageAsync(width: 320);
        await reader.GotoAsync(browser.Url("/kennisbank?q=meelezende+ouders"));
        await reader.GetByRole(AriaRole.Link, new() { Name = "Ouders laten meelezen" }).ClickAsync();
        Assert.Contains(answer, await reader.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Een vraag van", await reader.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(reader, "a knowledge-base item at 320px", reflow: true);

        // The coordinator got a mail without the answer in it, and reads the answer in the postvak.
        var mail = await Mailbox.WaitForAsync(browser.App.MailFolder, "coordinator@rivierenland.example");
        Assert.DoesNotContain("vier keer per jaar", mail.TextBody, StringComparison.Ordinal);
        await coordinator.GotoAsync(threadUrl);
        Assert.Contains(answer, await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);

        // 3. A professional registers for a webinar on a phone; the invitation arrives through SMTP.
        var professional = await browser.NewPageAsync(width: 320);
        await professional.GotoAsync(browser.Url("/webinars"));
        await Axe.AssertAccessibleAsync(professional, "the webinars at 320px", reflow: true);
        await professional.GetByRole(AriaRole.Link, new() { Name = "Signaleren: van losse verhalen naar een rapportage voor het bestuur" }).ClickAsync();
        await Axe.AssertAccessibleAsync(professional, "a webinar at 320px", reflow: true);
        var email = $"ib-{Guid.NewGuid():N}@school.example";
        await professional.GetByLabel("Uw naam").FillAsync("Ilse IB'er");
        await professional.GetByLabel("Uw e-mailadres").FillAsync(email);
        await professional.GetByLabel("Uw organisatie").FillAsync("Basisschool De Linde");
        await professional.GetByLabel("Wilt u vooraf een vraag stellen?").FillAsync("Hoe vaak sturen jullie een rapportage?");
        await professional.GetByRole(AriaRole.Button, new() { Name = "Meld mij aan" }).ClickAsync();
        await professional.WaitForSelectorAsync("p[role=status]:has-text('We sturen een mail')");
        await Axe.AssertAccessibleAsync(professional, "registered for a webinar at 320px", reflow: true);
        var confirmation = await Mailbox.WaitForAsync(browser.App.MailFolder, email);
        var ics = confirmation.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        using var icsBytes = new MemoryStream();
        await ics.Content!.DecodeToAsync(icsBytes);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(icsBytes.ToArray()))!;
        Assert.Equal("Signaleren: van losse verhalen naar een rapportage voor het bestuur", Assert.Single(calendar.Events)!.Summary);

        // 4. A practice example: the coordinator sends it, the national editors publish it, anyone finds it.
        await coordinator.GotoAsync(browser.Url("/rivierenland/postvak/praktijkvoorbeelden"));
        await Axe.AssertAccessibleAsync(coordinator, "the team's practice examples");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Schrijf een praktijkvoorbeeld" }).ClickAsync();
        await Axe.AssertAccessibleAsync(coordinator, "writing a practice example");
        await coordinator.GetByLabel("Titel").FillAsync("Een ouderavond over de TLV");
        await coordinator.GetByLabel("De situatie").FillAsync("Ouders wisten niet wat een toelaatbaarheidsverklaring is.");
        await coordinator.GetByLabel("Wat we deden").FillAsync("Een avond met uitleg en vragen, samen met het samenwerkingsverband.");
        await coordinator.GetByLabel("Wat werkte", new() { Exact = true }).FillAsync("Veel vragen konden meteen worden beantwoord.");
        await coordinator.GetByLabel("Wat niet werkte").FillAsync("De zaal was te groot.");
        await coordinator.GetByLabel("Wat het kostte").FillAsync("Twee avonden voorbereiding.");
        await coordinator.GetByLabel("Steunen").CheckAsync();
        await coordinator.GetByLabel("Voortgezet onderwijs (vo)").CheckAsync();
        await coordinator.GetByLabel("Kleine regio").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Stuur naar de landelijke redactie" }).ClickAsync();
        await coordinator.WaitForSelectorAsync("p[role=status]:has-text('naar de landelijke redactie gestuurd')");

        var editor = await browser.SignInAsync("", "landelijk@steunpunt.example", "Beheer");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Praktijkvoorbeelden beoordelen" }).ClickAsync();
        await Axe.AssertAccessibleAsync(editor, "the practice examples to review");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Een ouderavond over de TLV" }).ClickAsync();
        await Axe.AssertAccessibleAsync(editor, "one practice example to review");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publiceer in de bibliotheek" }).ClickAsync();
        await editor.WaitForSelectorAsync("p[role=status]:has-text('staat in de bibliotheek')");

        var colleague = await browser.NewPageAsync(width: 320);
        await colleague.GotoAsync(browser.Url("/praktijkvoorbeelden?sector=VO"));
        await Axe.AssertAccessibleAsync(colleague, "the practice library at 320px", reflow: true);
        await colleague.GetByRole(AriaRole.Link, new() { Name = "Een ouderavond over de TLV" }).ClickAsync();
        Assert.Contains("De zaal was te groot.", await colleague.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(colleague, "a practice example at 320px", reflow: true);
        Assert.Empty(browser.ThirdPartyRequests);
    }

    [Fact]
    public async Task The_public_expertise_pages_work_without_JavaScript()
    {
        // The knowledge base index passes axe (with JavaScript, as axe needs it).
        var withScript = await browser.NewPageAsync(width: 320);
        await withScript.GotoAsync(browser.Url("/kennisbank"));
        await Axe.AssertAccessibleAsync(withScript, "the knowledge base at 320px", reflow: true);

        var page = await browser.NewPageAsync(width: 320, javaScript: false);
        // Search and filter are plain GET forms.
        await page.GotoAsync(browser.Url("/kennisbank"));
        await page.GetByLabel("Zoek in de kennisbank").FillAsync("klankbordgroepen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await page.WaitForSelectorAsync("a:has-text('Hoe richt je een klankbordgroep van ouders in?')");

        // Registering for a webinar is a plain form post.
        await page.GotoAsync(browser.Url("/webinars"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Signaleren: van losse verhalen naar een rapportage voor het bestuur" }).ClickAsync();
        var email = $"zonder-js-{Guid.NewGuid():N}@school.example";
        await page.GetByLabel("Uw naam").FillAsync("Zonder Script");
        await page.GetByLabel("Uw e-mailadres").FillAsync(email);
        await page.GetByLabel("Uw organisatie").FillAsync("De Linde");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld mij aan" }).ClickAsync();
        await page.WaitForSelectorAsync("p[role=status]:has-text('We sturen een mail')");
        await Mailbox.WaitForAsync(browser.App.MailFolder, email);
    }
}
