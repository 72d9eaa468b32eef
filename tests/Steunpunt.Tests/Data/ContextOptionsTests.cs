using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Data;

/// <summary>
/// The app makes its database options once, not for every request, and every context decrypts confidential text:
/// also one made from bare options elsewhere (the EF tools, a test).
/// </summary>
public sealed class ContextOptionsTests(Apps apps) : IClassFixture<Apps>
{
    private static bool Decrypts(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(Steunpunt.Privacy.ConfidentialColumns.Materializer) == true;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Requests_share_one_set_of_options_and_every_context_decrypts(string provider)
    {
        var app = await apps.ForAsync(provider);
        await using var one = app.Services.CreateAsyncScope();
        await using var two = app.Services.CreateAsyncScope();
        var first = one.ServiceProvider.GetRequiredService<SteunpuntDb>();
        var second = two.ServiceProvider.GetRequiredService<SteunpuntDb>();
        Assert.NotSame(first, second);
        Assert.Same(first.GetService<IDbContextOptions>(), second.GetService<IDbContextOptions>());
        Assert.True(Decrypts(first));

        // Bare options, as the EF tools and the tests' template database make them: the context adds what it needs.
        var tenant = new CurrentTenant();
        await using SteunpuntDb bare = provider == "Postgres"
            ? new PostgresSteunpuntDb(new DbContextOptionsBuilder<PostgresSteunpuntDb>().UseNpgsql(app.ConnectionString).Options, tenant, TimeProvider.System)
            : new SqliteSteunpuntDb(new DbContextOptionsBuilder<SqliteSteunpuntDb>().UseSqlite(app.ConnectionString).Options, tenant, TimeProvider.System);
        Assert.True(Decrypts(bare));
    }
}
