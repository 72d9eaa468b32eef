using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Steunpunt.Data;

public static class DataFeature
{
    public static void AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        // Keys in the database so every instance reads the same cookies; their secrets are encrypted (AddPrivacy).
        builder.Services.AddDataProtection().SetApplicationName("Steunpunt").PersistKeysToDbContext<SteunpuntDb>();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connection = builder.Configuration.GetConnectionString("Steunpunt");
        if (options.Provider == "Postgres")
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database:Provider is Postgres, so ConnectionStrings:Steunpunt must be set.");
            }
            // A dropped connection or a restarting server is tried again a few times before the person is told to
            // try later; the submission keys make a repeated save harmless.
            // A server that does not answer at all (dropped packets) is given up on after 5 s per try, unless the
            // connection string says otherwise: with the retries a form still answers well within a proxy's timeout.
            var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            if (!npgsql.ContainsKey("Timeout"))
            {
                npgsql.Timeout = 5;
            }
            connection = npgsql.ConnectionString;
            builder.Services.AddDbContext<SteunpuntDb, PostgresSteunpuntDb>(o => SteunpuntDb.Configure(o.UseNpgsql(connection,
                npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null))),
                optionsLifetime: ServiceLifetime.Singleton);
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
            builder.Services.AddDbContext<SteunpuntDb, SqliteSteunpuntDb>(o => SteunpuntDb.Configure(o.UseSqlite(connection,
                sqlite => sqlite.ExecutionStrategy(d => new SqliteRetryingStrategy(d)))),
                optionsLifetime: ServiceLifetime.Singleton);
        }

        // The options are made once (optionsLifetime: Singleton), not for every request: they depend on nothing of a
        // request (the steunpunt reaches the context through CurrentTenant, a constructor argument).

        // The start runs in the background and waits for the database; until it is done, pages answer 503.
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddHostedService<StartupRunner>();
        builder.Services.AddStartupStep("migrations", (services, ct) => MigrateAsync(services, ct));
        builder.Services.AddHealthChecks().AddCheck<ReadyHealthCheck>("klaar", tags: ["ready"]);
    }

    /// <summary>
    /// Builds the EF model (about a second at this model's size) and compiles a first query on the other core while
    /// the routes are built and the server starts, instead of after: the start-up steps that wait for it (migrations
    /// first) then find both done. Nothing touches the database here; a failure shows up again in the steps, which
    /// report it.
    /// </summary>
    public static void WarmUpData(this WebApplication app) => _ = Task.Run(() =>
    {
        try
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
            _ = db.DataProtectionKeys.Where(k => k.Id == 1).Take(2).ToQueryString();
        }
        catch (Exception e)
        {
            app.Logger.LogDebug(e, "Warming up the data model failed; the start-up steps build it");
        }
    });

    /// <summary>Brings the schema up to date: migrations are the only schema path.</summary>
    private static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<SteunpuntDb>();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStart)
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while one writer commits.
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.CloseConnectionAsync();
            }
            // A restart with nothing to apply skips Migrate, which takes a lock and creates its tables first. A database
            // that cannot be reached (or does not exist yet) goes to Migrate, which creates it or reports the outage.
            if (await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                return;
            }
            await db.Database.MigrateAsync(ct);
        }
    }
}
