using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.National;

/// <summary>
/// Landelijk beheer in a real browser: the administrator signs in with two steps, makes a steunpunt (a mistake first,
/// corrected without retyping), and the new steunpunt stays invisible to visitors while in oprichting. Axe checks
/// each page, also at 320 px.
/// </summary>
public sealed class SteunpuntSetupJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_administrator_makes_a_steunpunt_that_visitors_do_not_see_yet()
    {
        var slug = $"kustregio-{Guid.NewGuid():N}"[..18];
        var admin = await browser.SignInAsync("", "beheer@steunpunt.example", "Steunpunten beheren");
        await Axe.AssertAccessibleAsync(admin, "steunpunten list");
        await admin.SetViewportSizeAsync(320, 800);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Nieuw steunpunt" }).ClickAsync();
        await admin.WaitForSelectorAsync("h1:has-text('Nieuw steunpunt')");
        await Axe.AssertAccessibleAsync(admin, "new steunpunt at 320px", reflow: true);

        await admin.GetByLabel("Naam van het steunpunt").FillAsync("Steunpunt Kustregio");
        await admin.GetByLabel("Korte naam voor in het adres").FillAsync(slug);
        await admin.GetByLabel("Samenwerkingsverbanden").FillAsync("PO 41.01 zonder puntkomma");
        await admin.GetByLabel("Gemeenten in de regio").FillAsync("Kustdorp\nDuinstad");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Maak het steunpunt" }).ClickAsync();
        await admin.WaitForSelectorAsync(".error-summary");
        Assert.Contains("Regel 1 klopt niet", await admin.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        Assert.Equal("Kustdorp\nDuinstad", await admin.GetByLabel("Gemeenten in de regio").InputValueAsync());
        await Axe.AssertAccessibleAsync(admin, "new steunpunt with a mistake at 320px", reflow: true);

        await admin.GetByLabel("Samenwerkingsverbanden").FillAsync("PO 41.01; Samenwerkingsverband Kustregio PO");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Maak het steunpunt" }).ClickAsync();
        await admin.WaitForSelectorAsync("h1:has-text('Steunpunt Kustregio')");
        Assert.Contains("in oprichting", await admin.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(admin, "steunpunt in oprichting at 320px", reflow: true);

        // DUO's registers: a bad file names its line; a good one is shown before it is applied.
        await admin.GotoAsync(browser.Url("/beheer/registers"));
        await Axe.AssertAccessibleAsync(admin, "registers at 320px", reflow: true);
        await admin.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "swv.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("SAMENWERKINGSVERBAND;NAAM SAMENWERKINGSVERBAND\nPO 41.77;SWV Kustregio PO\nXX;Fout\n")
        });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Bekijk wat er verandert" }).ClickAsync();
        await admin.WaitForSelectorAsync(".error-summary");
        Assert.Contains("Regel 3", await admin.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(admin, "registers with a bad file at 320px", reflow: true);
        await admin.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "swv.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("SAMENWERKINGSVERBAND;NAAM SAMENWERKINGSVERBAND\nPO 41.77;SWV Kustregio PO\n")
        });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Bekijk wat er verandert" }).ClickAsync();
        await admin.WaitForSelectorAsync("h2:has-text('Wat swv.csv verandert')");
        await Axe.AssertAccessibleAsync(admin, "register preview at 320px", reflow: true);

        var visitor = await browser.NewPageAsync(width: 320);
        var response = await visitor.GotoAsync(browser.Url($"/{slug}/"));
        Assert.Equal(404, response!.Status);
        await visitor.GotoAsync(browser.Url("/?zoek=Kustdorp"));
        Assert.DoesNotContain("Steunpunt Kustregio", await visitor.InnerTextAsync("main"), StringComparison.Ordinal);
    }
}
