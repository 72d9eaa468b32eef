using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>Collects what the app logs. Every test fails on an error its app logged (see
/// <see cref="FailOnLoggedErrorsAttribute"/>), unless the test declared that error expected.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();
    private readonly ConcurrentQueue<Func<string, string, Exception?, bool>> _expected = new();
    private int _checkedUpTo;

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries => [.. _entries];

    public IEnumerable<string> Messages => Entries.Select(e => e.Message + " " + e.Exception);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Forget what was logged so far. Used once the app has started: EF Core logs a failed
    /// history-table query as an error while it migrates a brand-new PostgreSQL database.</summary>
    public void Clear()
    {
        _entries.Clear();
        _checkedUpTo = 0;
    }

    /// <summary>Declares errors the running test causes on purpose (a database it stopped, say): they do not fail it.
    /// The declaration ends with the test.</summary>
    public void Expect(Func<string, string, Exception?, bool> isExpected) => _expected.Enqueue(isExpected);

    /// <summary>Errors logged since the last check that no test declared expected; ends the test's declarations.</summary>
    public IReadOnlyList<string> TakeUnexpectedErrors()
    {
        var entries = Entries;
        var expected = _expected.ToArray();
        var from = Math.Min(_checkedUpTo, entries.Count);
        _checkedUpTo = entries.Count;
        _expected.Clear();
        return [.. entries.Skip(from)
            .Where(e => e.Level >= LogLevel.Error && !expected.Any(x => x(e.Category, e.Message, e.Exception)))
            .Select(e => $"{e.Category}: {e.Message} {e.Exception}")];
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue((logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
