using System.Collections.Concurrent;
using Steunpunt.Data;

namespace Steunpunt.Web;

/// <summary>
/// The last value read of what a form needs around the text (themes, gemeenten, the reply time), so that a form can
/// be shown again with what was typed while the database is away. Within one request, once the database has failed,
/// further reads use the last values at once instead of waiting for the database again.
/// </summary>
public sealed class LastKnown(LastKnown.Store store)
{
    private bool _away;

    /// <summary>Whether the database failed during this request.</summary>
    public bool DatabaseAway => _away;

    /// <summary>Marks the database as away for the rest of this request (a save just failed).</summary>
    public void Away() => _away = true;

    public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> read, T fallback, CancellationToken ct)
    {
        if (!_away)
        {
            try
            {
                var value = await read(ct);
                store.Values[key] = value!;
                return value;
            }
            catch (Exception e) when (DatabaseFaults.IsOutage(e))
            {
                _away = true;
            }
        }
        return store.Values.TryGetValue(key, out var last) ? (T)last : fallback;
    }

    /// <summary>The values, shared by the requests of this instance.</summary>
    public sealed class Store
    {
        internal ConcurrentDictionary<string, object> Values { get; } = new(StringComparer.Ordinal);
    }
}
