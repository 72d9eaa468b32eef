using System.Collections.Concurrent;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>One app per database provider for a test class: a fresh database each, started on first use.
/// Tests inside the class isolate themselves by creating their own steunpunt.</summary>
public sealed class Apps : IAsyncDisposable
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
