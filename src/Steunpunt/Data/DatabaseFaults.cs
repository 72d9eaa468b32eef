using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Steunpunt.Data;

/// <summary>
/// Tells an outage (the database stopped, unreachable, busy for too long, or its disk full) from a bug. An outage is
/// answered calmly: forms come back with what was typed, other pages say "probeer het over een paar minuten opnieuw"
/// (503), and the start waits for the database instead of giving up.
/// </summary>
public static class DatabaseFaults
{
    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case System.Text.RegularExpressions.RegexMatchTimeoutException:
                    return false; // a slow pattern, not a database
                case DatabaseUnavailableException or RetryLimitExceededException or TimeoutException or SocketException:
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: Busy or Locked or IoError or Full or CantOpen or ReadOnly }:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    /// <summary>SQLite result codes that mean the storage, not the statement, is at fault.</summary>
    internal const int Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Full = 13, CantOpen = 14;
}

/// <summary>The database could not be reached and no earlier copy of what was asked for is at hand.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>SQLite has no retrying strategy of its own: a busy or briefly failing database is tried again, the way
/// Npgsql's strategy does for PostgreSQL. A form's submission key makes a repeated save harmless.</summary>
public sealed class SqliteRetryingStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1))
{
    protected override bool ShouldRetryOn(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: DatabaseFaults.Busy or DatabaseFaults.Locked or DatabaseFaults.IoError };
}
