using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Steunpunt.Data;

public static class DataFeature
{
    public static void AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDataProtection().SetApplicationName("Steunpunt").PersistKeysToDbContext<SteunpuntDb>();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connection = builder.Configuration.GetConnectionString("Steunpunt");
        if (options.Provider == "Postgres")
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database:Provider is Postgres, so ConnectionStrings:Steunpunt must be set.");
            }
            builder.Services.AddDbContext<SteunpuntDb, PostgresSteunpuntDb>(o => o.UseNpgsql(connection));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                // The embedded default: a file in data/ under the app's content root (the project folder with
                // dotnet run, the publish folder when published).
                var folder = Path.Combine(builder.Environment.ContentRootPath, "data");
                Directory.CreateDirectory(folder);
                connection = $"Data Source={Path.Combine(folder, "steunpunt.db")}";
            }
            builder.Services.AddDbContext<SteunpuntDb, SqliteSteunpuntDb>(o => o.UseSqlite(connection));
        }
    }

    /// <summary>Brings the schema up to date; migrations are the only schema path.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        if (!options.MigrateOnStart)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync();
    }
}
