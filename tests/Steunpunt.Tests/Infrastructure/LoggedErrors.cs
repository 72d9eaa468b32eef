using System.Collections.Concurrent;
using System.Reflection;
using Xunit.v3;

[assembly: Steunpunt.Tests.Infrastructure.FailOnLoggedErrors]

namespace Steunpunt.Tests.Infrastructure;

/// <summary>
/// Every test fails when an app it used logged an error (Orchard Core's AssertNoLoggedErrors, made automatic).
/// An app started by a test, or by a fixture of the test's class, is registered against that class; tests of one class
/// run one after the other, so after each test the errors its class's apps logged belong to that test.
/// The apps the whole assembly shares (<see cref="Apps"/>) serve classes running side by side: there each log entry
/// carries the test it was logged for (the test's execution context flows into the app's requests), and after each test
/// the errors logged for it fail it. Errors logged for no running test (a background worker, a request that outlived
/// its test) fail the first test checked after them, and those after the last test fail the run.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FailOnLoggedErrorsAttribute : BeforeAfterTestAttribute
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<CapturedLogs>> s_byOwner = new();
    private static readonly ConcurrentBag<CapturedLogs> s_shared = [];
    private static readonly ConcurrentDictionary<string, bool> s_ended = new();

    /// <summary>Called when an app starts: it belongs to the class (or collection) whose test or fixture is running.</summary>
    public static void Register(CapturedLogs logs)
    {
        var owner = OwnerOf(TestContext.Current);
        if (owner is not null)
        {
            s_byOwner.GetOrAdd(owner, _ => []).Add(logs);
        }
    }

    /// <summary>Called when an app every test class may use starts.</summary>
    public static void RegisterShared(CapturedLogs logs) => s_shared.Add(logs);

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
                    failures.AddRange(log.TakeUnexpectedErrors(test.UniqueID, everything: true));
                }
            }
        }
        foreach (var log in s_shared)
        {
            failures.AddRange(log.TakeUnexpectedErrors(test.UniqueID, everything: false, s_ended.ContainsKey));
        }
        // From here on, what is logged for this test belongs to the next test checked.
        s_ended[test.UniqueID] = true;
        Assert.True(failures.Count == 0, $"The app logged errors during {test.TestDisplayName}:\n" + string.Join("\n", failures));
    }
}
