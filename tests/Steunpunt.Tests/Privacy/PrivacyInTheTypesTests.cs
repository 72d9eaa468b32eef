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

    /// <summary>A type and the element types of the collections it is.</summary>
    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var inner in Flatten(argument))
            {
                yield return inner;
            }
        }
    }
}
