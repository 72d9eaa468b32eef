using System.Collections.Concurrent;

[assembly: AssemblyFixture(typeof(Steunpunt.Tests.Infrastructure.Apps))]

namespace Steunpunt.Tests.Infrastructure;

/// <summary>
/// One app per database provider for the whole test assembly, started on first use and shared by test classes that
/// run side by side: starting and migrating an app costs seconds, a test milliseconds. Tests isolate themselves by
/// creating their own steunpunt. A test that moves the app's clock, needs other settings, demo data, Kestrel, or stops
/// its database keeps an app of its own (<see cref="OwnApps"/>, or one it starts itself).
/// The log entries of a shared app are checked per test: see <see cref="FailOnLoggedErrorsAttribute"/>.
/// </summary>
public sealed class Apps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SteunpuntApp>>> _apps = new();

    public Task<SteunpuntApp> ForAsync(string provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<SteunpuntApp>>(() => StartSharedAsync(p))).Value;

    private static async Task<SteunpuntApp> StartSharedAsync(string provider)
    {
        // Started outside the first caller's execution context, so the app's workers run in no test's name: what they
        // log is not attributed to that test (see FailOnLoggedErrorsAttribute).
        Task<SteunpuntApp> start;
        using (ExecutionContext.SuppressFlow())
        {
            start = Task.Run(() => SteunpuntApp.StartAsync(provider, shared: true));
        }
        return await start;
    }

    public async ValueTask DisposeAsync()
    {
        var left = new List<string>();
        foreach (var lazy in _apps.Values.Where(l => l.IsValueCreated))
        {
            try
            {
                var app = await lazy.Value;
                left.AddRange(app.Logs.TakeUnexpectedErrors(test: null, everything: true));
                await app.DisposeAsync();
            }
            catch (Exception) when (lazy.Value.IsFaulted)
            {
                // It never started; the test that asked for it has already failed with the reason.
            }
        }
        // Errors logged after the last test ended (a worker, a late request): the run still fails.
        Assert.True(left.Count == 0, "The shared apps logged errors after the last test:\n" + string.Join("\n", left));
    }
}

/// <summary>One app per database provider for one test class, whose tests run one after the other: for classes that
/// change the app for everyone using it (they move its clock, import the national registers, which closes what is not
/// in the file, or sync the starter release) or read what spans every steunpunt (the national monitor, rankings and
/// counts over the national set).</summary>
public sealed class OwnApps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SteunpuntApp>>> _apps = new();

    public Task<SteunpuntApp> ForAsync(string provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<SteunpuntApp>>(() => SteunpuntApp.StartAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _apps.Values.Where(l => l.IsValueCreated))
        {
            try
            {
                await (await lazy.Value).DisposeAsync();
            }
            catch (Exception) when (lazy.Value.IsFaulted)
            {
                // It never started; the test that asked for it has already failed with the reason.
            }
        }
    }
}
