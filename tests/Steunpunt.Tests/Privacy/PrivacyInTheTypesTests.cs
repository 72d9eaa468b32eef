using System.Reflection;
using Steunpunt.Privacy;

namespace Steunpunt.Tests.Privacy;

/// <summary>
/// What a page may show is decided by the type it receives: a list of cases gets rows without confidential fields, so
/// nothing is decrypted for it and no view can print what the page does not need.
/// </summary>
public sealed class PrivacyInTheTypesTests
{
    private static readonly Assembly s_app = typeof(Steunpunt.Questions.SupportCase).Assembly;

    private static IEnumerable<Type> Confidential() =>
        s_app.GetTypes().Where(t => t.GetProperties().Any(p => p.GetCustomAttribute<ConfidentialAttribute>() is not null));

    [Fact]
    public void The_inbox_list_receives_rows_without_any_confidential_field()
    {
        var page = typeof(Steunpunt.Questions.Inbox.IndexModel);
        var shown = page.GetProperties().Select(p => p.PropertyType).ToList();
        var confidential = Confidential().ToList();
        Assert.Contains(typeof(Steunpunt.Questions.SupportCase), confidential);
        // Neither the page nor anything it exposes holds an entity with confidential text.
        foreach (var type in shown.SelectMany(Flatten))
        {
            Assert.DoesNotContain(type, confidential);
        }
        var row = typeof(Steunpunt.Questions.Inbox.IndexModel.Row);
        var secret = typeof(Steunpunt.Questions.SupportCase).GetProperties()
            .Where(p => p.GetCustomAttribute<ConfidentialAttribute>() is not null).Select(p => p.Name).ToList();
        Assert.NotEmpty(secret);
        Assert.Empty(row.GetProperties().Select(p => p.Name).Intersect(secret));
    }

    /// <summary>The pages that show a person's own words or details, to the staff of that steunpunt only: the case
    /// page and the story review. Any other page that could hand a view a confidential field fails here.</summary>
    private static readonly Type[] s_showsConfidential =
    [
        typeof(Steunpunt.Questions.Inbox.CaseModel),
        typeof(Steunpunt.Stories.Review.ReviewModel),
    ];

    [Fact]
    public void Only_the_case_page_and_the_story_review_can_hand_a_view_a_confidential_field_and_no_page_an_unsuppressed_count()
    {
        var pages = s_app.GetTypes().Where(t => typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.True(pages.Count > 40, $"only {pages.Count} page models found");
        var confidential = Confidential().ToHashSet();
        Assert.Contains(typeof(Steunpunt.Stories.Story), confidential);
        Type[] raw = [typeof(Steunpunt.Signals.Reports.BoardReport.Report), typeof(Steunpunt.Signals.Reports.BoardReport.Dimension),
            typeof(Steunpunt.Signals.Reports.BoardReport.Row)];
        var found = new List<string>();
        foreach (var page in pages)
        {
            var reachable = Reachable(page).ToList();
            found.AddRange(reachable.Where(raw.Contains).Select(t => $"{page.FullName} hands a view {t.Name} (counts before suppression)"));
            if (!s_showsConfidential.Contains(page))
            {
                found.AddRange(reachable.Where(confidential.Contains).Select(t => $"{page.FullName} hands a view {t.Name} (confidential fields)"));
            }
        }
        Assert.True(found.Count == 0, string.Join("\n", found.Distinct()));
        // And the rule can see them: the case page does reach a case.
        Assert.Contains(typeof(Steunpunt.Questions.SupportCase), Reachable(typeof(Steunpunt.Questions.Inbox.CaseModel)));
    }

    /// <summary>Every type of the app a view could reach from a page: its public properties, and theirs, through
    /// collections and records.</summary>
    private static HashSet<Type> Reachable(Type page)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(page.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => p.PropertyType));
        while (queue.TryDequeue(out var type))
        {
            foreach (var t in Flatten(type).Where(t => t.Assembly == s_app && seen.Add(t)))
            {
                foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    queue.Enqueue(property.PropertyType);
                }
            }
        }
        return seen;
    }

    /// <summary>A type and the element types of the collections it is.</summary>
    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : type.IsArray ? [type.GetElementType()!] : [])
        {
            foreach (var inner in Flatten(argument))
            {
                yield return inner;
            }
        }
    }
}
