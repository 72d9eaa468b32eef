using Microsoft.EntityFrameworkCore;
using Npgsql;
using Steunpunt.Data;
using Steunpunt.Tenancy;

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
        return ConnectionTo(server, await CreateDatabaseAsync(server, template: null));
    }

    /// <summary>An empty database for the provider: a new PostgreSQL database, or a SQLite file that does not exist
    /// yet (File: to delete afterwards).</summary>
    public static async Task<(string Connection, string? File)> CreateEmptyAsync(string provider)
    {
        if (provider == Postgres)
        {
            return (await CreatePostgresDatabaseAsync(), null);
        }
        var file = Path.Combine(Path.GetTempPath(), $"steunpunt-test-{Guid.NewGuid():N}.db");
        return ($"Data Source={file}", file);
    }

    // Migrating a new database took about 0.3 s (SQLite) and 0.5 s (PostgreSQL) of an app's start in a test process,
    // and a run starts well over a hundred apps. So the real migrations run once per test process, into a template
    // database (PostgreSQL) or file (SQLite). SteunpuntApp lets one app do its first start on a copy of it and makes
    // that database the template apps start on (see SteunpuntApp.StartedCopyAsync); an app with firstStart starts
    // on a copy of this one and goes on with the key, the starter set and the index itself. A start on an empty database, with the
    // migrations applied by the app itself, stays covered by FreshDatabaseTests, by the tests that make their own
    // database (sharedConnection) and by those that start the app as its own process (AppProcess). A template that
    // failed to build fails every test of that process that needs one, with the same error.
    private static readonly Lazy<Task<string>> s_postgresTemplate = new(CreatePostgresTemplateAsync);
    private static readonly Lazy<Task<string>> s_sqliteTemplate = new(CreateSqliteTemplateAsync);

    /// <summary>A database for the provider with every migration applied: a copy of this process's template.</summary>
    public static async Task<(string Connection, string? File)> CreateMigratedAsync(string provider) =>
        await CopyOfAsync(provider, provider == Postgres ? await s_postgresTemplate.Value : await s_sqliteTemplate.Value);

    /// <summary>A new database for the provider that is a copy of a template: this process's migrated one, or one made
    /// by <see cref="MakeTemplateAsync"/>.</summary>
    public static async Task<(string Connection, string? File)> CopyOfAsync(string provider, string template)
    {
        if (provider == Postgres)
        {
            var server = PostgresServer();
            return (ConnectionTo(server, await CreateDatabaseAsync(server, template)), null);
        }
        var (connection, file) = await CreateEmptyAsync(provider);
        File.Copy(template, file!);
        return (connection, file);
    }

    /// <summary>Turns a database no app uses any more into a template for <see cref="CopyOfAsync"/>, kept until the
    /// test process ends. appConnection is the connection string as the app used it (the app adds settings of its own,
    /// and a connection pool is found by its exact string): that pool's connections are closed first. A PostgreSQL
    /// database is copied only while nobody is connected, so any session still there is ended (and counted: a
    /// template that still had sessions fails here); a SQLite file holds every write once its last connection closed,
    /// so a write-ahead log left next to it fails here too.</summary>
    public static async Task<string> MakeTemplateAsync(string provider, string appConnection, string? file)
    {
        if (provider == Postgres)
        {
            await using (var pooled = new NpgsqlConnection(appConnection))
            {
                NpgsqlConnection.ClearPool(pooled);
            }
            var name = new NpgsqlConnectionStringBuilder(appConnection).Database!;
            await ExecuteOnServerAsync(PostgresServer(), $"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            var ended = (long)(await ExecuteOnServerAsync(PostgresServer(), $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{name}'"))!;
            if (ended != 0)
            {
                throw new InvalidOperationException($"{ended} session(s) were still connected to the template {name} after its app stopped.");
            }
            return name;
        }
        using (var pooled = new Microsoft.Data.Sqlite.SqliteConnection(appConnection))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pooled);
        }
        if (File.Exists(file + "-wal"))
        {
            throw new InvalidOperationException($"The template {file} still has a write-ahead log after its app stopped.");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteSqliteFile(file!);
        return file!;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var server = PostgresServer();
        var name = await CreateDatabaseAsync(server, template: null);
        // No pooling: a database cannot be copied while a connection to it is open.
        var options = new DbContextOptionsBuilder<PostgresSteunpuntDb>().UseNpgsql($"{server};Database={name};Pooling=false").Options;
        await using (var db = new PostgresSteunpuntDb(options, new CurrentTenant(), TimeProvider.System))
        {
            await db.Database.MigrateAsync();
        }
        // PostgreSQL copies a template only while nobody is connected to it: from now on nobody can.
        await ExecuteOnServerAsync(server, $"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        return name;
    }

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"steunpunt-template-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteSteunpuntDb>().UseSqlite($"Data Source={file};Pooling=false").Options;
        await using (var db = new SqliteSteunpuntDb(options, new CurrentTenant(), TimeProvider.System))
        {
            await db.Database.MigrateAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }

    /// <summary>Creates a database (empty, or a copy of the template) and returns its name. From PostgreSQL 15 on, a copy
    /// is made file by file (STRATEGY FILE_COPY) instead of page by page through the write-ahead log, the default then:
    /// measured by hand, ten copies of the migrated template took the server 1.5 s of processor time instead of 2.6 s,
    /// and during a run of the integration module a copy took about 0.1 s instead of 0.19 s.</summary>
    private static async Task<string> CreateDatabaseAsync(string server, string? template)
    {
        var name = "steunpunt_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteOnServerAsync(server, template is null ? $"CREATE DATABASE \"{name}\""
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"" + (await VersionAsync(server) >= 150000 ? " STRATEGY FILE_COPY" : ""));
        return name;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> s_versions = new();

    /// <summary>The server's version number (150000 and up is PostgreSQL 15 or later), asked once per server.</summary>
    private static async Task<int> VersionAsync(string server)
    {
        if (!s_versions.TryGetValue(server, out var version))
        {
            version = int.Parse((string)(await ExecuteOnServerAsync(server, "SHOW server_version_num"))!, System.Globalization.CultureInfo.InvariantCulture);
            s_versions[server] = version;
        }
        return version;
    }

    /// <summary>Runs one statement on the server's maintenance database and returns its first value, if any.</summary>
    private static async Task<object?> ExecuteOnServerAsync(string server, string sql)
    {
        // No pooling: the outage tests stop this server, which would leave a pooled connection broken.
        await using var connection = new NpgsqlConnection(server + ";Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // Idle pooled connections close after a few seconds: a run keeps many apps (each with its own database and pool)
    // alive at once, and their idle connections together reached the server's limit.
    private static string ConnectionTo(string server, string database) =>
        $"{server};Database={database};Include Error Detail=true;Connection Idle Lifetime=5;Connection Pruning Interval=1";
}
