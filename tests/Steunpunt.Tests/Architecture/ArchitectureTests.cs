using System.Reflection;
using System.Text.RegularExpressions;

namespace Steunpunt.Tests.Architecture;

/// <summary>
/// The allowed arrows between the parts of the app. Infrastructure (Data, Tenancy, Privacy, Web, Accounts and the
/// shared Vocabulary) never depends on a pillar (Information, Questions, Stories, Signals); a pillar may use
/// infrastructure; one pillar reads another only through that pillar's surface, the namespace
/// <c>Steunpunt.&lt;Pillar&gt;.Surface</c> (its folder <c>Surface/</c>), whose public members carry no entity.
/// Composition (Program.cs, Seeding) may use everything.
/// </summary>
public sealed partial class ArchitectureTests
{
    public static readonly string[] Pillars = ["Information", "Questions", "Stories", "Signals", "National"];
    public static readonly string[] Infrastructure = ["Data", "Tenancy", "Privacy", "Web", "Accounts", "Vocabulary"];

    [Fact]
    public void No_part_of_the_app_reads_a_pillar_it_may_not()
    {
        var found = Violations(SourceFiles()).Select(v => $"{v.File} reads {v.Reads}").ToList();
        Assert.True(found.Count == 0, "References across the walls:\n" + string.Join("\n", found));
    }

    [Fact]
    public void A_surface_hands_out_no_entity()
    {
        var app = typeof(Steunpunt.Data.SteunpuntDb).Assembly;
        var surfaces = app.GetTypes().Where(t => t.IsPublic && t.Namespace is { } ns && ns.EndsWith(".Surface", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Information", "Questions", "Signals", "Stories"], surfaces.Select(t => t.Namespace!.Split('.')[1]).Distinct().Order());
        var leaks = new List<string>();
        foreach (var type in surfaces.Concat(surfaces.SelectMany(t => t.GetNestedTypes())))
        {
            var members = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)).Select(t => (Member: type.Name, Type: t))
                .Concat(type.GetProperties().Select(p => (Member: $"{type.Name}.{p.Name}", Type: p.PropertyType)));
            leaks.AddRange(members.SelectMany(m => Expand(m.Type).Where(t => !Allowed(t, type.Namespace!)).Select(t => $"{m.Member} hands out {t.FullName}")));
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Distinct()));

        static IEnumerable<Type> Expand(Type t) =>
            t.IsGenericType ? t.GetGenericArguments().SelectMany(Expand).Append(t.GetGenericTypeDefinition())
            : t.IsArray || t.IsByRef ? Expand(t.GetElementType()!) : [t];

        // Numbers, text, dates, collections and tasks; the shared vocabulary; the surface's own records.
        static bool Allowed(Type t, string surface) =>
            t.IsGenericParameter || t.Namespace is "System" or "System.Collections.Generic" or "System.Threading" or "System.Threading.Tasks"
            || t.Namespace == "Steunpunt.Vocabulary" || t.Namespace == surface;
    }

    [Fact]
    public void A_wrong_reference_in_a_fixture_is_found()
    {
        (string, string)[] fixture =
        [
            ("Web/Fixture.cs", "using Steunpunt.Questions;\nnamespace Steunpunt.Web;\nclass A { }"),
            ("Tenancy/Fixture.cs", "namespace Steunpunt.Tenancy;\nclass B { Information.Theme? t; }"),
            ("Stories/Fixture.cs", "namespace Steunpunt.Stories;\nclass C { Steunpunt.Signals.Signal? s; }"),
            ("Signals/Fixture.cs", "using Steunpunt.Questions.Inbox;\nnamespace Steunpunt.Signals;"),
            ("Signals/Fixture2.cs", "namespace Steunpunt.Signals;\nclass D { Stories.Story? s; Steunpunt.Questions.SupportCase? c; }"),
            // Allowed: a pillar using infrastructure or another's surface, and a mention in a comment.
            ("Questions/Fine.cs", "using Steunpunt.Data;\nusing Steunpunt.Web;\n// see Information.Theme\nnamespace Steunpunt.Questions;"),
            ("Signals/Fine.cs", "using Steunpunt.Questions.Surface;\nnamespace Steunpunt.Signals;\nclass E { Stories.Surface.ReviewedStories? r; }"),
        ];
        Assert.Equal(
            [("Signals/Fixture.cs", "Questions"), ("Signals/Fixture2.cs", "Questions"), ("Signals/Fixture2.cs", "Stories"),
                ("Stories/Fixture.cs", "Signals"), ("Tenancy/Fixture.cs", "Information"), ("Web/Fixture.cs", "Questions")],
            Violations(fixture).Order().ToArray());
    }

    /// <summary>Every reference from a file to a pillar other than its own outside that pillar's surface: a using
    /// directive or a qualified name. Infrastructure may not even use a surface.</summary>
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
                // A pillar may name another pillar's surface; infrastructure may not name a pillar at all.
                var notSurface = Pillars.Contains(part) ? @"(?!Surface\b)" : "";
                if (Regex.IsMatch(code, $@"using\s+Steunpunt\.{pillar}\.{notSurface}\w+(\.\w+)*\s*;|using\s+Steunpunt\.{pillar}\s*;")
                    || Regex.IsMatch(code, $@"(?<![\w.])(Steunpunt\.)?{pillar}\.{notSurface}[A-Z]\w*"))
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
