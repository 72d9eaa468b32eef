using Npgsql;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>The two database providers every integration test runs against.</summary>
public static class Databases
{
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

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var server = PostgresServer();
        var name = "steunpunt_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return $"{server};Database={name};Include Error Detail=true";
    }
}
