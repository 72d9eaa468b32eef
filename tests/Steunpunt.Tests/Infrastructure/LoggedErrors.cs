using System.Collections.Concurrent;
using System.Reflection;
using Xunit.v3;

[assembly: Steunpunt.Tests.Infrastructure.FailOnLoggedErrors]

namespace Steunpunt.Tests.Infrastructure;

/// <summary>
/// Every test fails when an app it used logged an error. Each app started by a test, or by a fixture of the test's
/// class, is registered against that class; tests of one class run one after the other, so after each test the
/// errors its class's apps logged belong to that test (Orchard Core's AssertNoLoggedErrors, made automatic).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FailOnLoggedErrorsAttribute : BeforeAfterTestAttribute
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<CapturedLogs>> s_byOwner = new();

    /// <summary>Called when an app starts: it belongs to the class (or collection) whose test or fixture is running.</summary>
    public static void Register(CapturedLogs logs)
    {
        var owner = OwnerOf(TestContext.Current);
        if (owner is not null)
        {
            s_byOwner.GetOrAdd(owner, _ => []).Add(logs);
        }
    }

    private static string? OwnerOf(ITestContext context) =>
        context.TestClass?.TestClassName ?? context.TestCollection?.UniqueID;

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        var owners = new[] { test.TestCase.TestClass?.TestClassName, test.TestCase.TestCollection.UniqueID };
        var failures = new List<string>();
        foreach (var owner in owners.OfType<string>())
        {
            if (s_byOwner.TryGetValue(owner, out var logs))
            {
                foreach (var log in logs)
                {
                    failures.AddRange(log.TakeUnexpectedErrors());
                }
            }
        }
        Assert.True(failures.Count == 0, $"The app logged errors during {test.TestDisplayName}:\n" + string.Join("\n", failures));
    }
}
