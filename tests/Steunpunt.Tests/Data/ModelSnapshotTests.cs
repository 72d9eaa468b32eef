using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Data;

/// <summary>
/// Every change to the model comes with a migration for both providers: the model the code describes equals the
/// model of the last migration's snapshot, as `dotnet ef migrations has-pending-model-changes` checks it (EF Core's
/// design-time model against the snapshot), in the test process instead of two tool runs of their own.
/// </summary>
public sealed class ModelSnapshotTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_change_to_the_model_has_a_migration(string provider)
    {
        // The comparison needs no database: the connection strings are never opened.
        await using SteunpuntDb db = provider == Databases.Postgres
            ? new PostgresSteunpuntDb(new DbContextOptionsBuilder<PostgresSteunpuntDb>().UseNpgsql("Host=127.0.0.1").Options, new CurrentTenant(), TimeProvider.System)
            : new SqliteSteunpuntDb(new DbContextOptionsBuilder<SqliteSteunpuntDb>().UseSqlite("Data Source=:memory:").Options, new CurrentTenant(), TimeProvider.System);
        Assert.True(db.Database.GetMigrations().Any(), $"{provider}: no migrations found.");
        var add = $"dotnet tool restore, then dotnet ef migrations add <Name> --project src/Steunpunt --context {db.GetType().Name} --output-dir Data/Migrations/{provider}";
        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name} has model changes without a migration: add one with {add}");
    }
}
