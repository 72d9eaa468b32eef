using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Steunpunt.BrowserTests.Infrastructure;

public static class Axe
{
    // axe-core as Deque ships it in Deque.AxeCore.Commons, read once.
    private static readonly string s_source = new BundledAxeScriptProvider().GetScript();
    private static readonly byte[] s_sourceBytes = System.Text.Encoding.UTF8.GetBytes(s_source);

    /// <summary>Where the app under test serves axe-core to the browser (see <see cref="Serve"/>).</summary>
    public const string ScriptPath = "/test-only/axe-core.js";

    /// <summary>Lets the app under test serve axe-core at <see cref="ScriptPath"/>, ahead of its own pipeline (a test
    /// app only). A page then loads axe as a script of its own origin, which its CSP allows, and Chromium fetches the
    /// 650 kB over loopback instead of getting them through Playwright's driver in an evaluate. Measured by hand on two
    /// cores in one journey of 17 checks (full chromium): putting axe into the pages took 9.2 s that way, 5.9 s this way.</summary>
    public static void Serve(IServiceCollection services) => services.AddSingleton<IStartupFilter, ScriptFilter>();

    private sealed class ScriptFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(ScriptPath, script => script.Run(context =>
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                context.Response.ContentLength = s_sourceBytes.Length;
                // The same bytes for the whole run: a browser context that checks several pages (a journey, or the
                // rows of a theory on one page) fetches the 650 kB once instead of for every check.
                context.Response.Headers.CacheControl = "private, max-age=3600";
                return context.Response.Body.WriteAsync(s_sourceBytes, context.RequestAborted).AsTask();
            }));
            next(app);
        };
    }

    private static readonly string[] s_tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    // axe.run in the page itself, asking only for the violations in full. Deque's Playwright wrapper runs axe in
    // parts and finishes the run in a second, blank browser page, and returns every passed rule with its nodes:
    // about 4 s per check on two cores, against about 0.5 s for the same rules this way.
    private const string Run = """
        async (tags) => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return result.violations.map(v =>
            `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.flat(Infinity).join(' ')).join(', ')}`);
        }
        """;

    /// <summary>Runs axe-core for WCAG 2.2 A and AA (and best practices) and returns readable violations.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // axe checks a frame's content only when axe runs in that frame too (else it skips the frame without a word),
        // so it is put into every frame: the main page and, for instance, the preview of the block for schools. A frame
        // of our app loads it from the app (see Serve); any other frame gets the source handed over.
        foreach (var frame in page.Frames)
        {
            if (!await frame.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
            {
                if (Uri.TryCreate(frame.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                {
                    await frame.AddScriptTagAsync(new() { Url = new Uri(url, ScriptPath).ToString() });
                }
                else
                {
                    await frame.EvaluateAsync("() => {" + s_source + "\n}");
                }
            }
        }
        return await page.EvaluateAsync<string[]>(Run, s_tags);
    }

    /// <summary>Fails with the violations when axe finds any; with reflow, also when the page scrolls sideways.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what, bool reflow = false)
    {
        // An element can be visible before the page's stylesheet has arrived; judged then, every link is a small
        // unstyled target. Axe judges the page as a reader sees it: loaded.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{what}:\n" + string.Join("\n", violations));
        if (reflow)
        {
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{what} scrolls sideways by {overflow}px.");
        }
    }
}
