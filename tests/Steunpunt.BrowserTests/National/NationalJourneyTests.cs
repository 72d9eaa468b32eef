using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.National;

/// <summary>
/// The national programme end to end, in a real browser: landelijk beheer imports DUO's registers, makes a steunpunt
/// from them and invites its coordinator; the coordinator chooses a password, sets up two steps, fills in part of the
/// leidraad and says the steunpunt is ready; the administrator takes it live and reads the monitor; a parent on a
/// phone then finds it by postcode. Axe checks the pages on the way.
/// </summary>
public sealed partial class NationalJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task From_registers_to_a_parent_finding_the_new_steunpunt_by_postcode()
    {
        var code = $"PO 4{Random.Shared.Next(2, 10)}.{Random.Shared.Next(10, 99)}";
        var slug = $"heuvelland-{Guid.NewGuid():N}"[..19];
        var gemeente = $"Heuveldorp{Random.Shared.Next(1000, 9999)}";
        var postcode = $"{Random.Shared.Next(6000, 6999)}";
        var coordinatorEmail = $"coordinator-{Guid.NewGuid():N}@heuvelland.example";

        // 1. DUO's registers: the SWVs and the schools per SWV, each previewed and then applied.
        var admin = await browser.SignInAsync("", "beheer@steunpunt.example", "Steunpunten beheren");
        await ImportAsync(admin, "swv.csv", $"SAMENWERKINGSVERBAND;NAAM SAMENWERKINGSVERBAND;PLAATSNAAM\n{code};Samenwerkingsverband Heuvelland PO;{gemeente}\n");
        await ImportAsync(admin, "scholen.csv",
            "PROVINCIE;SAMENWERKINGSVERBAND;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;POSTCODE;PLAATSNAAM;GEMEENTENAAM;SOORT PO;AANTAL LEERLINGEN\n"
            + $"Limburg;{code};{Brin()};00;Basisschool De Heuvel;{postcode} AB;{gemeente.ToUpperInvariant()};{gemeente};BAS;240\n"
            + $"Limburg;{code};{Brin()};00;Basisschool Het Dal;{postcode} CD;{gemeente.ToUpperInvariant()};{gemeente};BAS;180\n");

        // 2. A steunpunt from the register: the SWV by its code alone, the gemeenten from its schools.
        await admin.GotoAsync(browser.Url("/beheer/steunpunten"));
        await admin.GetByRole(AriaRole.Link, new() { Name = "Nieuw steunpunt" }).ClickAsync();
        await admin.GetByLabel("Naam van het steunpunt").FillAsync("Steunpunt Heuvelland");
        await admin.GetByLabel("Korte naam voor in het adres").FillAsync(slug);
        await admin.GetByLabel("Samenwerkingsverbanden").FillAsync(code);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Maak het steunpunt" }).ClickAsync();
        await admin.WaitForSelectorAsync("h1:has-text('Steunpunt Heuvelland')");
        Assert.Equal(gemeente, await admin.GetByLabel("Gemeenten in de regio").InputValueAsync());
        Assert.Contains("Samenwerkingsverband Heuvelland PO", await admin.GetByLabel("Samenwerkingsverbanden").InputValueAsync(), StringComparison.Ordinal);
        var editUrl = admin.Url;

        // 3. The first coordinator is invited by mail.
        await admin.GetByLabel("Naam", new() { Exact = true }).FillAsync("Hanna Heuvel");
        await admin.Locator("#Coordinator_Email").FillAsync(coordinatorEmail);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Nodig uit" }).ClickAsync();
        await admin.WaitForSelectorAsync("p[role=status]:has-text('De coördinator is uitgenodigd')");

        // 4. The coordinator chooses a password from the mail's link and signs in with two steps.
        var mail = await Mailbox.WaitForAsync(browser.App.MailFolder, coordinatorEmail);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        var newcomer = await browser.NewPageAsync(width: 320);
        await newcomer.GotoAsync(browser.Url(link.PathAndQuery));
        await Axe.AssertAccessibleAsync(newcomer, "choose a password at 320px", reflow: true);
        await newcomer.GetByLabel("Nieuw wachtwoord").FillAsync(SteunpuntApp.Password);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        await newcomer.WaitForLoadStateAsync();
        var coordinator = await browser.SignInAsync(slug, coordinatorEmail, "Postvak");
        await coordinator.SetViewportSizeAsync(320, 800);

        // 5. Part of the leidraad: one item of its own; what the app knows it fills in.
        await coordinator.GotoAsync(browser.Url($"/{slug}/postvak/leidraad"));
        var a2 = coordinator.Locator("section:has(h2#A2)");
        await a2.GetByLabel("Op orde").CheckAsync();
        await a2.GetByLabel("Wat laat het zien?").FillAsync("Onafhankelijkheidsverklaring op de pagina Over ons.");
        await a2.GetByRole(AriaRole.Button, new() { Name = "Bewaar A2" }).ClickAsync();
        await coordinator.WaitForSelectorAsync("p[role=status]:has-text('A2 is opgeslagen')");
        Assert.Contains("Stand volgens de app", await coordinator.Locator("section:has(h2#A7)").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(coordinator, "new steunpunt's leidraad at 320px", reflow: true);

        // 6. The coordinator says the steunpunt is ready; the administrator takes it live.
        await coordinator.GotoAsync(browser.Url($"/{slug}/postvak/team"));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Wij zijn klaar om live te gaan" }).ClickAsync();
        await coordinator.WaitForLoadStateAsync();
        var visitor = await browser.NewPageAsync(width: 320);
        Assert.Equal(404, (await visitor.GotoAsync(browser.Url($"/{slug}/")))!.Status);
        await admin.GotoAsync(editUrl);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zet het steunpunt live" }).ClickAsync();
        await admin.WaitForSelectorAsync("p[role=status]:has-text('Het steunpunt is live')");

        // 7. The monitor counts it, on a phone too.
        await admin.SetViewportSizeAsync(320, 800);
        await admin.GotoAsync(browser.Url("/beheer/monitor"));
        var row = admin.Locator("tr").Filter(new() { HasText = code });
        Assert.Contains("Steunpunt Heuvelland (werkt)", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(admin, "monitor at 320px", reflow: true);

        // 8. A parent on a phone finds it by the 4 digits of a postcode, and gets there.
        await visitor.GotoAsync(browser.Url("/"));
        await visitor.GetByLabel("Uw postcode, uw gemeente of de naam van de school").FillAsync(postcode);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Zoek steunpunt" }).ClickAsync();
        await visitor.WaitForSelectorAsync("h2#resultaten");
        await Axe.AssertAccessibleAsync(visitor, "finder result at 320px", reflow: true);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Steunpunt Heuvelland" }).First.ClickAsync();
        await visitor.WaitForSelectorAsync("h1:has-text('Steunpunt Heuvelland')");
        Assert.Empty(browser.ThirdPartyRequests);
    }

    private async Task ImportAsync(IPage admin, string name, string content)
    {
        await admin.GotoAsync(browser.Url("/beheer/registers"));
        await admin.SetInputFilesAsync("#file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Bekijk wat er verandert" }).ClickAsync();
        await admin.WaitForSelectorAsync($"h2:has-text('Wat {name} verandert')");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Verwerk dit bestand" }).ClickAsync();
        await admin.WaitForSelectorAsync("p[role=status]");
    }

    private static string Brin() => $"{Random.Shared.Next(10, 99)}{(char)('A' + Random.Shared.Next(26))}{(char)('A' + Random.Shared.Next(26))}";

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
