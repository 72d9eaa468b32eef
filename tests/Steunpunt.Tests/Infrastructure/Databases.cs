using Npgsql;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>The two database providers every integration test runs against.</summary>
public static class Databases
{
    /// <summary>Deletes a SQLite database file with its write-ahead log and shared-memory files, once no pooled
    /// connection holds them.</summary>
    public static void DeleteSqliteFile(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(f);
        }
    }

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static TheoryData<string> All => new(Sqlite, Postgres);
    public static IReadOnlyList<string> Names => [Sqlite, Postgres];

    /// <summary>The throwaway server's connection string without a database, from TEST_PG (set by the test command).</summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable("TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
        {
            // In CI a missing PostgreSQL is a failure, never a skip.
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("TEST_PG is not set; the test command starts PostgreSQL and sets it.");
            }
            Assert.Skip("TEST_PG is not set: run the suite with ./test.sh to include PostgreSQL.");
        }
        return server;
    }

    /// <summary>The PostgreSQL that the outage tests stop and start (TEST_PG_OUTAGE), and the script that does it
    /// (TEST_PG_OUTAGE_CTL start|stop); both set by the test command.</summary>
    public static (string Server, string Control) OutageServer()
    {
        var server = Environment.GetEnvironmentVariable("TEST_PG_OUTAGE");
        var control = Environment.GetEnvironmentVariable("TEST_PG_OUTAGE_CTL");
        if (string.IsNullOrWhiteSpace(server) || string.IsNullOrWhiteSpace(control))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("TEST_PG_OUTAGE(_CTL) is not set; the test command starts that PostgreSQL and sets them.");
            }
            Assert.Skip("TEST_PG_OUTAGE is not set: run the suite with ./test.sh to include the outage tests.");
        }
        return (server, control);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(string? onServer = null)
    {
        var server = onServer ?? PostgresServer();
        var name = "steunpunt_test_" + Guid.NewGuid().ToString("N")[..12];
        // No pooling: the outage tests stop this server, which would leave a pooled connection broken.
        await using (var connection = new NpgsqlConnection(server + ";Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        // Idle pooled connections close after a few seconds: a run keeps many apps (each with its own database and pool)
        // alive at once, and their idle connections together reached the server's limit.
        return $"{server};Database={name};Include Error Detail=true;Connection Idle Lifetime=5;Connection Pruning Interval=1";
    }
}
