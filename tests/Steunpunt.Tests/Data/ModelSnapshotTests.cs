using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Data;

/// <summary>
/// Every change to the model comes with a migration for both providers: the model the code describes equals the
/// model of the last migration's snapshot, as `dotnet ef migrations has-pending-model-changes` checks it (EF Core's
/// design-time model against the snapshot, on the contexts the EF tools make), in the test process instead of two
/// tool runs of their own.
/// </summary>
public sealed class ModelSnapshotTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_change_to_the_model_has_a_migration(string provider)
    {
        // The contexts `dotnet ef` works with (DesignTimeFactories); the comparison opens no database.
        await using SteunpuntDb db = provider == Databases.Postgres
            ? new PostgresDesignTimeFactory().CreateDbContext([])
            : new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.True(db.Database.GetMigrations().Any(), $"{provider}: no migrations found.");
        var add = $"dotnet tool restore, then dotnet ef migrations add <Name> --project src/Steunpunt --context {db.GetType().Name} --output-dir Data/Migrations/{provider}";
        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name} has model changes without a migration: add one with {add}");
    }
}
