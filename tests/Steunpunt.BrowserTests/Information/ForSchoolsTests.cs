using System.Net;
using Microsoft.Playwright;
using Steunpunt.BrowserTests.Infrastructure;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.BrowserTests.Information;

/// <summary>The pages for schools in a real browser: accessible, no sideways scrolling at 320 px, and the block shown
/// in a frame on a page of another origin (a school's website), where no other page of ours may be shown.</summary>
public sealed class ForSchoolsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Phone = "0123 45 67 89"; // the demo steunpunt Rivierenland's phone

    [Theory]
    [InlineData("/rivierenland/voor-scholen")]
    [InlineData("/rivierenland/voor-scholen/folder")]
    [InlineData("/rivierenland/voor-scholen/poster")]
    [InlineData("/rivierenland/voor-scholen/blok")]
    public async Task A_page_for_schools_has_no_axe_violations_on_desktop_and_at_320px(string path)
    {
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await browser.NewPageAsync(width);
            await page.GotoAsync(browser.Url(path));
            await Axe.AssertAccessibleAsync(page, $"{path} at {width}px", reflow: width == 320);
            await page.Context.CloseAsync();
        }
        Assert.Empty(browser.ThirdPartyRequests);
    }

    [Fact]
    public async Task The_block_shows_inside_a_page_of_another_origin_and_other_pages_do_not()
    {
        // A school's website: a page on another origin (another port) with our block in a frame, and, as a
        // counter-check, our contact page in a frame, which must stay empty.
        var port = AppProcess.FreePort();
        var school = $"http://127.0.0.1:{port}/";
        using var listener = new HttpListener();
        listener.Prefixes.Add(school);
        listener.Start();
        var html = $"""
            <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Basisschool De Regenboog</title></head>
            <body><main><h1>Basisschool De Regenboog</h1>
            <iframe name="blok" src="{browser.Url("/rivierenland/voor-scholen/blok")}" title="Steunpunt" style="width:100%;height:30rem"></iframe>
            <iframe name="contact" src="{browser.Url("/rivierenland/contact")}" title="Contact" style="width:100%;height:10rem"></iframe>
            </main></body></html>
            """;
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (!listener.IsListening)
                {
                    return;
                }
                var body = System.Text.Encoding.UTF8.GetBytes(context.Request.Url!.AbsolutePath == "/" ? html : "");
                context.Response.StatusCode = body.Length > 0 ? 200 : 404;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });

        // The school's own server is allowed in this test (the fixture lets only our server through).
        var page = await browser.NewPageAsync(alsoAllowed: $"127.0.0.1:{port}");
        await page.GotoAsync(school, new() { WaitUntil = WaitUntilState.Load });
        Assert.NotEqual(new Uri(school).GetLeftPart(UriPartial.Authority), new Uri(browser.Url("/")).GetLeftPart(UriPartial.Authority));

        var block = page.FrameLocator("iframe[name=blok]");
        await Assertions.Expect(block.GetByText(Phone)).ToBeVisibleAsync();
        await Assertions.Expect(block.Locator("h1")).ToHaveTextAsync("Vragen over passend onderwijs?");
        Assert.True(await block.Locator("main li a[href*='/informatie/']").CountAsync() > 0);

        // Our contact page is refused in the school's frame (frame-ancestors 'none'): nothing of it shows.
        var contact = page.Frame("contact");
        Assert.NotNull(contact);
        Assert.Equal(0, await contact.Locator("text=Contact en openingstijden").CountAsync());
        Assert.Equal(0, await contact.GetByText(Phone).CountAsync());
        Assert.Empty(browser.ThirdPartyRequests);

        listener.Stop();
        await serving;
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_json_ld_on_an_answer_page_raises_no_content_security_policy_violation()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync("window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective));");
        await page.GotoAsync(browser.Url("/rivierenland/informatie/wat-is-een-tlv"), new() { WaitUntil = WaitUntilState.Load });
        Assert.Equal(1, await page.Locator("script[type='application/ld+json']").CountAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.cspViolations"));
        Assert.Empty(errors);

        // The check can fail: an inline script that would run is refused and reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.ran = true'; document.body.appendChild(s); }");
        await page.WaitForFunctionAsync("() => window.cspViolations.length > 0");
        Assert.Contains("script-src-elem", await page.EvaluateAsync<string[]>("() => window.cspViolations"));
        await page.Context.CloseAsync();
    }
}
