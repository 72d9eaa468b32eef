using System.Text.RegularExpressions;

namespace Steunpunt.Tests.Architecture;

/// <summary>
/// The allowed arrows between the parts of the app. Infrastructure (Data, Tenancy, Privacy, Web, Accounts and the
/// shared Vocabulary) never
/// depends on a pillar (Information, Questions, Stories, Signals); a pillar may use infrastructure; one pillar reads
/// another only through that pillar's public surface. The pillars' public surfaces are still being cut (issue 11):
/// until then the references that exist are listed below, each one a debt, and any new one fails. A listed
/// reference that is gone fails too, so the list only shrinks.
/// </summary>
public sealed partial class ArchitectureTests
{
    public static readonly string[] Pillars = ["Information", "Questions", "Stories", "Signals"];
    public static readonly string[] Infrastructure = ["Data", "Tenancy", "Privacy", "Web", "Accounts", "Vocabulary"];

    /// <summary>File → pillar it still reads directly. Shrinks as the public surfaces land; never grows.</summary>
    private static readonly (string File, string Reads)[] s_known =
    [
        ("Signals/Feedback/Index.cshtml", "Questions"),
        ("Signals/Register/Edit.cshtml.cs", "Stories"),
        ("Signals/Register/Index.cshtml.cs", "Information"),
        ("Signals/Register/Index.cshtml.cs", "Questions"),
        ("Signals/Register/Index.cshtml.cs", "Stories"),
        ("Signals/Reports/BoardReport.cs", "Questions"),
        ("Signals/Reports/BoardReport.cs", "Stories"),
        ("Signals/Reports/Report.cshtml.cs", "Questions"),
        ("Stories/Review/Review.cshtml.cs", "Information"),
        ("Stories/Tell/Tell.cshtml.cs", "Questions"),
        ("Web/Home/Index.cshtml.cs", "Information"),
    ];

    [Fact]
    public void No_part_of_the_app_reads_a_pillar_it_may_not_and_the_known_debts_only_shrink()
    {
        var found = Violations(SourceFiles()).ToHashSet();
        var known = s_known.ToHashSet();
        var added = found.Except(known).Select(v => $"{v.File} reads {v.Reads}").ToList();
        var gone = known.Except(found).Select(v => $"{v.File} no longer reads {v.Reads}: remove it from the list").ToList();
        Assert.True(added.Count == 0, "New references across the walls:\n" + string.Join("\n", added));
        Assert.True(gone.Count == 0, string.Join("\n", gone));
    }

    [Fact]
    public void A_wrong_reference_in_a_fixture_is_found()
    {
        (string, string)[] fixture =
        [
            ("Web/Fixture.cs", "using Steunpunt.Questions;\nnamespace Steunpunt.Web;\nclass A { }"),
            ("Tenancy/Fixture.cs", "namespace Steunpunt.Tenancy;\nclass B { Information.Theme? t; }"),
            ("Stories/Fixture.cs", "namespace Steunpunt.Stories;\nclass C { Steunpunt.Signals.Signal? s; }"),
            // Allowed: a pillar using infrastructure, and a mention in a comment.
            ("Questions/Fine.cs", "using Steunpunt.Data;\nusing Steunpunt.Web;\n// see Information.Theme\nnamespace Steunpunt.Questions;"),
        ];
        Assert.Equal(
            [("Stories/Fixture.cs", "Signals"), ("Tenancy/Fixture.cs", "Information"), ("Web/Fixture.cs", "Questions")],
            Violations(fixture).Order().ToArray());
    }

    /// <summary>Every reference from a file to a pillar other than its own: a using directive or a qualified name.</summary>
    public static IEnumerable<(string File, string Reads)> Violations(IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            var part = path.Split('/')[0];
            if (!Pillars.Contains(part) && !Infrastructure.Contains(part))
            {
                continue;
            }
            var code = Comments().Replace(text, " ");
            foreach (var pillar in Pillars.Where(p => p != part))
            {
                if (Regex.IsMatch(code, $@"using\s+Steunpunt\.{pillar}(\.\w+)*\s*;") || Regex.IsMatch(code, $@"(?<![\w.])(Steunpunt\.)?{pillar}\.[A-Z]\w*"))
                {
                    yield return (path, pillar);
                }
            }
        }
    }

    private static List<(string Path, string Text)> SourceFiles()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Steunpunt.slnx")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var app = Path.Combine(root.FullName, "src", "Steunpunt");
        var files = Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(app, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(f => (Path: f, Text: File.ReadAllText(Path.Combine(app, f))))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {app}");
        return files;
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
