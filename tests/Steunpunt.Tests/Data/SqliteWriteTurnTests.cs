using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Signals;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Data;

/// <summary>
/// The app queues its writes to a SQLite database in turn (SqliteSteunpuntDb). The turn is per database: a write
/// that waits out a database locked by someone else does not hold up the writes to another database in the same
/// process. (SQLite only: PostgreSQL takes many writers, and the app queues nothing for it.)
/// </summary>
public sealed class SqliteWriteTurnTests
{
    [Fact]
    public async Task A_write_to_one_database_does_not_wait_for_a_blocked_write_to_another()
    {
        var (lockedFile, freeFile) = (Path.Combine(Path.GetTempPath(), $"steunpunt-test-{Guid.NewGuid():N}.db"), Path.Combine(Path.GetTempPath(), $"steunpunt-test-{Guid.NewGuid():N}.db"));
        var locked = await SteunpuntApp.StartAsync(Databases.Sqlite, sharedConnection: $"Data Source={lockedFile};Default Timeout=1");
        var free = await SteunpuntApp.StartAsync(Databases.Sqlite, sharedConnection: $"Data Source={freeFile}");
        try
        {
            var (lockedTenant, freeTenant) = (await locked.CreateTenantAsync(), await free.CreateTenantAsync());
            locked.Logs.Expect((category, _, _) => category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

            await using var blocker = new SqliteConnection($"Data Source={lockedFile}");
            await blocker.OpenAsync();
            using var writeLock = blocker.BeginTransaction(deferred: false);

            // The blocked write holds the turn of its database for seconds: SQLite's busy timeout and the app's retries.
            var blocked = locked.WithDbAsync(lockedTenant.Id, db =>
            {
                db.Signals.Add(new Signal { TenantId = lockedTenant.Id, Title = "Wacht op het slot" });
                return db.SaveChangesAsync();
            });
            // Its first try has met the lock (EF Core logs the failed command); the retries, in the same turn, follow.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!locked.Logs.Entries.Any(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, "The write to the locked database never met the lock.");
                await Task.Delay(20);
            }
            Assert.False(blocked.IsCompleted, "The write to the locked database did not wait for the lock.");

            await free.WithDbAsync(freeTenant.Id, db =>
            {
                db.Signals.Add(new Signal { TenantId = freeTenant.Id, Title = "Geen slot" });
                return db.SaveChangesAsync();
            });
            Assert.False(blocked.IsCompleted, "The write to the other database waited until the blocked write gave up.");
            Assert.Equal(1, await free.WithDbAsync(freeTenant.Id, db => db.Signals.CountAsync()));

            await Assert.ThrowsAnyAsync<Exception>(() => blocked);
            writeLock.Rollback();
        }
        finally
        {
            await locked.DisposeAsync();
            await free.DisposeAsync();
            Databases.DeleteSqliteFile(lockedFile);
            Databases.DeleteSqliteFile(freeFile);
        }
    }
}
