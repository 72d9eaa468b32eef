using System.Text.RegularExpressions;

namespace Steunpunt.Tests.Hygiene;

/// <summary>Patterns that let a test pass with the feature broken, kept out of both test projects.</summary>
public sealed partial class TestHygieneTests
{
    private static readonly string[] s_folders = ["tests/Steunpunt.Tests", "tests/Steunpunt.BrowserTests"];

    private static IEnumerable<(string File, int Line, string Text)> TestSourceLines()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var folders = s_folders.Select(f => Path.Combine(root, f)).ToList();
        foreach (var folder in folders)
        {
            Assert.True(Directory.Exists(folder), folder);
        }
        var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("TestHygieneTests.cs", StringComparison.Ordinal) && !f.EndsWith("Every.cs", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 30, $"Only {files.Count} test files found under {root}.");
        return files.SelectMany(f => File.ReadLines(f).Select((text, i) => (Path.GetRelativePath(root, f), i + 1, text)));
    }

    [Fact]
    public void No_test_checks_every_item_of_a_list_that_may_be_empty()
    {
        var found = TestSourceLines().Where(l => l.Text.Contains("Assert.All(", StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, "Use Every.Item, which fails on an empty list:\n" + string.Join("\n", found));
    }

    [Fact]
    public void No_test_looks_for_text_it_appended_itself()
    {
        var found = TestSourceLines().Where(l => AppendedLiteral().Match(l.Text) is { Success: true } m
            && m.Groups["appended"].Value.Contains(m.Groups["expected"].Value, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, "An assertion finds text the test added to the value it checks:\n" + string.Join("\n", found));
    }

    [Fact]
    public void No_test_compares_two_fresh_ids()
    {
        var found = TestSourceLines().Where(l => FreshIds().IsMatch(l.Text)).ToList();
        Assert.True(found.Count == 0, "Two new ids always differ; compare what the ids lead to:\n" + string.Join("\n", found));
    }

    [GeneratedRegex("""Assert\.(Contains|StartsWith|EndsWith)\("(?<expected>[^"]+)",[^;]*\+\s*"(?<appended>[^"]*)"\s*,""")]
    private static partial Regex AppendedLiteral();

    [GeneratedRegex(@"Assert\.NotEqual\(\w+\.Id,\s*\w+\.Id\)")]
    private static partial Regex FreshIds();
}
