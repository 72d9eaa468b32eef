using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Steunpunt.BrowserTests.Infrastructure;

public static class Axe
{
    /// <summary>Runs axe-core for WCAG 2.2 A and AA (and best practices) and returns readable violations.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        return result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
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
