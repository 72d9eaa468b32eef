using Microsoft.EntityFrameworkCore;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Data;

/// <summary>
/// Most test apps start on a copy of a database the migrations were applied to once per run (see
/// <see cref="Databases.CreateMigratedPostgresDatabaseAsync"/>). A new installation starts on an empty one: the app
/// applies every migration itself, then takes over the starter set and serves.
/// </summary>
public sealed class FreshDatabaseTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_app_on_an_empty_database_applies_every_migration_itself_and_serves(string provider)
    {
        await using var app = await SteunpuntApp.StartAsync(provider, migrated: false);

        var (all, applied) = await app.WithDbAsync(null, async db =>
            (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        Assert.True(all.Count > 10, $"Only {all.Count} migrations found.");
        Assert.Equal(all, applied);

        var home = await app.Anonymous().GetAsync(new Uri("/begrippen", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Toelaatbaarheidsverklaring", await home.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
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
