using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

public sealed class KeyboardAndNoScriptTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_home_page_can_be_walked_by_keyboard_alone_with_visible_focus()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/rivierenland/"));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.activeElement.getBoundingClientRect(); return r.left >= 0 && r.width > 0; }"),
            "The skip link is not visible when focused.");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("inhoud", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Tab through the whole page: every link and control is reached, each with a visible focus indicator.
        var reached = new HashSet<string>();
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
                () => {
                  const e = document.activeElement; const s = getComputedStyle(e);
                  return { key: (e.tagName + ' ' + (e.getAttribute('href') || e.id || e.textContent)).trim(),
                           outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, body: e === document.body };
                }
                """);
            var key = focus.GetProperty("key").GetString()!;
            if (focus.GetProperty("body").GetBoolean())
            {
                break;
            }
            Assert.True(focus.GetProperty("outline").GetBoolean(), $"No visible focus on {key}");
            reached.Add(key);
        }
        Assert.Contains("INPUT zoek-home", reached);
        Assert.Contains(reached, k => k.StartsWith("A /rivierenland/thema/", StringComparison.Ordinal));
        Assert.Contains("A /rivierenland/contact", reached);

        // Searching works from the keyboard too.
        await page.FocusAsync("#zoek-home");
        await page.Keyboard.TypeAsync("thuiszitter");
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await page.WaitForURLAsync(url => url.Contains("/zoeken?q=thuiszitter", StringComparison.Ordinal), new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Enter in the search box did not lead to the search page; the page is at {page.Url}");
        }
        Assert.Contains("gevonden", await page.InnerTextAsync("h2#resultaten"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_javascript_a_parent_finds_their_steunpunt_and_an_answer()
    {
        var page = await browser.NewPageAsync(width: 320, javaScript: false);
        await page.GotoAsync(browser.Url("/"));
        await page.FillAsync("#zoek", "De Vlonder");
        await page.ClickAsync("button:has-text('Zoek steunpunt')");
        await page.WaitForSelectorAsync("h2:has-text('1 steunpunt gevonden')");
        await page.ClickAsync("main a[href='/rivierenland/']");
        await page.WaitForSelectorAsync("h1:has-text('Ouder- en jeugdsteunpunt Rivierenland')");
        Assert.EndsWith("/rivierenland/", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("main >> text=Thuiszitten en verzuim");
        await page.WaitForSelectorAsync("h1:has-text('Thuiszitten en verzuim')");
        await page.ClickAsync("text=Mijn kind zit thuis en gaat niet naar school. Wat kan ik doen?");
        await page.WaitForSelectorAsync("h1:has-text('Mijn kind zit thuis')");
        Assert.Equal("Mijn kind zit thuis en gaat niet naar school. Wat kan ik doen?", await page.InnerTextAsync("h1"));
        // A term's explanation opens without scripts, by keyboard, and closes again with Escape.
        var term = page.Locator("main .begrip-knop").First;
        var explanation = page.Locator("#" + await term.GetAttributeAsync("popovertarget"));
        Assert.False(await explanation.IsVisibleAsync());
        await term.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await explanation.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible });
        Assert.Contains("Meer over", await explanation.InnerTextAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");
        await explanation.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Hidden });

        // Searching, with a typo, and filtering the sociale kaart also work without scripts; on a phone the search
        // sits behind the menu button.
        await page.ClickAsync(".small-menu summary");
        await page.FillAsync("#zoek-menu", "leerplichtambtenar");
        await page.ClickAsync(".small-menu .site-search button");
        await page.WaitForSelectorAsync("h2#resultaten");
        Assert.Contains("Bedoelde u", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Wat doet de leerplichtambtenaar?", await page.InnerTextAsync("main ol"), StringComparison.Ordinal);
        await page.GotoAsync(browser.Url("/rivierenland/sociale-kaart"));
        await page.SelectOptionAsync("#gemeente", "Dijkhoven");
        await page.ClickAsync("main button:has-text('Toon')");
        await page.WaitForSelectorAsync("h2:has-text('Organisaties voor Dijkhoven')");
        Assert.DoesNotContain("Sociaal team Molenbroek", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Empty(browser.ThirdPartyRequests);
    }

    [Fact]
    public async Task Without_javascript_a_parent_asks_a_question_opens_it_by_code_and_tells_a_story_by_keyboard()
    {
        var page = await browser.NewPageAsync(width: 320, javaScript: false);
        await page.GotoAsync(browser.Url("/noorderveen/vraag-stellen"));
        await page.GetByLabel("Ik ben ouder of verzorger").CheckAsync();
        await page.GetByLabel("Uw vraag", new() { Exact = true }).FillAsync("Mag school mijn dochter weigeren bij het schoolreisje?");
        await page.GetByLabel("Alleen via een persoonlijke link, zonder naam of gegevens (anoniem)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verstuur uw vraag" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('Uw vraag is ontvangen')");
        var code = await page.Locator(".secret.code").InnerTextAsync();

        await page.GotoAsync(browser.Url("/noorderveen/gesprek"));
        await page.GetByLabel("Uw code").FillAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('Uw gesprek met het steunpunt')");
        Assert.Contains("schoolreisje", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.GotoAsync(browser.Url("/noorderveen/vertel"));
        await page.GetByLabel("Ik ben een jongere").CheckAsync();
        await page.GetByLabel("Wat gebeurde er?").FillAsync("Ik mocht niet mee op kamp.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verstuur uw verhaal" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('Dank u wel voor uw verhaal')");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The story confirmation scrolls sideways by {overflow}px.");
        Assert.Empty(browser.ThirdPartyRequests);
    }

    [Fact]
    public async Task An_editor_publishes_in_the_browser_and_the_public_page_shows_it()
    {
        var page = await browser.SignInAsEditorAsync("noorderveen");
        await page.ClickAsync("text=Nieuw eigen item");
        var question = $"Waar is het spreekuur in Heidedorp {Guid.NewGuid().ToString("N")[..6]}?";
        await page.FillAsync("#Input_Question", question);
        await page.FillAsync("#Input_ShortAnswer", "Elke vrijdag in het gemeentehuis.");
        await page.SelectOptionAsync("#Input_ThemeCode", "T16");
        await page.ClickAsync("button:has-text('Voorbeeld')");
        Assert.Contains("Elke vrijdag", await page.InnerTextAsync(".preview"), StringComparison.Ordinal);
        await page.ClickAsync("button:has-text('Publiceren')");
        await page.WaitForSelectorAsync("text=Opgeslagen en gepubliceerd.");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(browser.Url("/noorderveen/thema/over-het-steunpunt"));
        await visitor.ClickAsync($"text={question}");
        Assert.Equal(question, await visitor.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task The_print_stylesheet_hides_navigation_and_forms()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/rivierenland/informatie/wat-is-een-tlv"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync(".site-nav"));
        Assert.False(await page.IsVisibleAsync(".site-search"));
        Assert.True(await page.IsVisibleAsync("h1"));
    }
}
