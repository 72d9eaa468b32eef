using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>One form of address per audience: parents' pages say "u", youth pages (?voor=jongeren) say "je". Checks
/// the visible text of &lt;main&gt;, whole words only ("bijvoorbeeld" and "meisje" are fine).</summary>
public static partial class FormOfAddress
{
    /// <summary>Asserts that the page shows <paramref name="heading"/> as its h1 and addresses parents with "u" only.</summary>
    public static void AssertParents(string html, string heading, IEnumerable<string> data) =>
        AssertOnly(html, heading, data, JeWords(), "parents' page says je");

    /// <summary>Asserts that the page shows <paramref name="heading"/> as its h1 and addresses youth with "je" only.</summary>
    public static void AssertYouth(string html, string heading, IEnumerable<string> data) =>
        AssertOnly(html, heading, data, UWords(), "youth page says u");

    /// <summary>The theme names, which are shared data with one wording for everyone (the forms list them as they are).</summary>
    public static Task<List<string>> ThemeNamesAsync(SteunpuntApp app, TestTenant tenant) =>
        app.WithDbAsync(tenant.Id, db => db.Themes.Select(t => t.Name).ToListAsync());

    private static void AssertOnly(string html, string heading, IEnumerable<string> data, Regex wrong, string what)
    {
        var main = Html.MainOf(html);
        Assert.Matches($"<h1[^>]*>{Regex.Escape(heading)}</h1>", main);
        var text = Html.Text(main);
        // Links and codes shown as text are random letters, not words.
        text = Links().Replace(text, " ");
        foreach (var name in data)
        {
            text = text.Replace(name, " ", StringComparison.Ordinal);
        }
        var found = wrong.Matches(text).Select(m => Around(text, m.Index)).ToList();
        Assert.True(found.Count == 0, $"The {what}:\n" + string.Join("\n", found));
    }

    private static string Around(string text, int at)
    {
        var start = Math.Max(0, at - 40);
        return "…" + text[start..Math.Min(text.Length, at + 40)].ReplaceLineEndings(" ") + "…";
    }

    [GeneratedRegex(@"\b(je|jij|jou|jouw)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JeWords();

    [GeneratedRegex(@"\b(u|uw)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UWords();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
