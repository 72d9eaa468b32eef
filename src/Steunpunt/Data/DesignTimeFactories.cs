using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Steunpunt.Tenancy;

namespace Steunpunt.Data;

// Used by `dotnet ef` only, so that creating a migration never starts the app (which migrates and seeds).
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSteunpuntDb>
{
    public SqliteSteunpuntDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSteunpuntDb>().UseSqlite("Data Source=design.db").Options,
            new CurrentTenant(), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSteunpuntDb>
{
    public PostgresSteunpuntDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSteunpuntDb>().UseNpgsql("Host=127.0.0.1;Database=design").Options,
            new CurrentTenant(), TimeProvider.System);
}
