using Microsoft.EntityFrameworkCore;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Data;

/// <summary>
/// Most test apps start on a copy of a database in which an app did its first start once per test process (see
/// <see cref="SteunpuntApp.StartAsync"/>). A new installation starts on an empty one: the app applies every migration
/// itself, then takes over the starter set and serves.
/// </summary>
public sealed class FreshDatabaseTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_app_on_an_empty_database_applies_every_migration_itself_and_serves(string provider)
    {
        // An empty database, checked here before the app starts: a PostgreSQL database without tables, or a SQLite
        // file that does not exist yet.
        var (connection, file) = await Databases.CreateEmptyAsync(provider);
        if (provider == Databases.Postgres)
        {
            await using var probe = new Npgsql.NpgsqlConnection(connection);
            await probe.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", probe);
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }
        else
        {
            Assert.False(File.Exists(file), file);
        }

        try
        {
            await using var app = await SteunpuntApp.StartAsync(provider, sharedConnection: connection);

            var (all, applied) = await app.WithDbAsync(null, async db =>
                (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));
            Assert.True(all.Count > 10, $"Only {all.Count} migrations found.");
            Assert.Equal(all, applied);

            var glossary = await app.Anonymous().GetAsync(new Uri("/begrippen", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, glossary.StatusCode);
            Assert.Contains("Toelaatbaarheidsverklaring", await glossary.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            if (file is not null)
            {
                Databases.DeleteSqliteFile(file);
            }
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_copied_template_has_every_migration(string provider)
    {
        await using var app = await SteunpuntApp.StartAsync(provider);

        var (all, applied) = await app.WithDbAsync(null, async db =>
            (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        Assert.True(all.Count > 10, $"Only {all.Count} migrations found.");
        Assert.Equal(all, applied);
    }
}
