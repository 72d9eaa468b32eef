using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>Collects what the app logs, each entry with the test it was logged for. Every test fails on an error its
/// app logged (see <see cref="FailOnLoggedErrorsAttribute"/>), unless the test declared that error expected.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly ConcurrentQueue<(string? Test, Func<string, string, Exception?, bool> IsExpected)> _expected = new();
    private readonly Lock _taking = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries =>
        [.. _entries.Select(e => (e.Level, e.Category, e.Message, e.Exception))];

    public IEnumerable<string> Messages => Entries.Select(e => e.Message + " " + e.Exception);

    /// <summary>What was logged for one test (the test's unique ID): in its own code and while the app served
    /// its requests.</summary>
    public IEnumerable<string> MessagesOf(string test) =>
        [.. _entries.Where(e => e.Test == test).Select(e => e.Message + " " + e.Exception)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Forget what was logged so far. Used once the app has started: EF Core logs a failed
    /// history-table query as an error while it migrates a brand-new PostgreSQL database.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>Declares errors the running test causes on purpose (a database it stopped, say): they do not fail it.
    /// The declaration ends with the test.</summary>
    public void Expect(Func<string, string, Exception?, bool> isExpected) => _expected.Enqueue((RunningTest(), isExpected));

    /// <summary>
    /// Errors not checked before that no test declared expected, and ends the test's declarations. With
    /// <paramref name="everything"/> (an app of one class, whose tests run one after the other) every unchecked entry
    /// belongs to the test that just ran. Without it (a shared app): the entries logged for this test (requests flow
    /// the test's execution context into the app), and those logged for no running test: by a background worker, or
    /// for a test that had already ended. Those fail the first test checked after them, with a note saying so.
    /// </summary>
    public IReadOnlyList<string> TakeUnexpectedErrors(string? test, bool everything, Func<string, bool>? hasEnded = null)
    {
        List<Entry> taken;
        Func<string, string, Exception?, bool>[] expected;
        lock (_taking)
        {
            taken = [.. _entries.Where(e => !e.Checked
                && (everything || e.Test == test || e.Test is null || (hasEnded?.Invoke(e.Test) ?? false)))];
            foreach (var e in taken)
            {
                e.Checked = true;
            }
            var all = _expected.ToArray();
            expected = [.. all.Where(x => everything || x.Test == test).Select(x => x.IsExpected)];
            _expected.Clear();
            foreach (var x in all.Where(x => !(everything || x.Test == test)))
            {
                _expected.Enqueue(x);
            }
        }
        return [.. taken
            .Where(e => e.Level >= LogLevel.Error && !expected.Any(x => x(e.Category, e.Message, e.Exception)))
            .Select(e => $"{e.Category}: {e.Message} {e.Exception}"
                + (everything || e.Test == test ? "" : e.Test is null
                    ? " (logged outside any test: by a background worker of an app tests share)"
                    : $" (logged for test {e.Test} after it ended)"))];
    }

    /// <summary>The test whose execution context this runs in, if any.</summary>
    private static string? RunningTest() => TestContext.Current.Test?.UniqueID;

    private sealed class Entry(LogLevel level, string category, string message, Exception? exception, string? test)
    {
        public LogLevel Level { get; } = level;
        public string Category { get; } = category;
        public string Message { get; } = message;
        public Exception? Exception { get; } = exception;
        public string? Test { get; } = test;
        public bool Checked { get; set; }
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception, RunningTest()));
            }
        }
    }
}
