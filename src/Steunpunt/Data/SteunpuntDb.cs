using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Tenancy;

namespace Steunpunt.Data;

/// <summary>
/// The one database of an installation. Tenant scoping is applied here by convention: every
/// <see cref="ITenantOwned"/> entity only shows rows of the current steunpunt, and every
/// <see cref="INationalOrTenant"/> entity shows national rows plus those of the current steunpunt.
/// </summary>
public abstract class SteunpuntDb(DbContextOptions options, CurrentTenant tenant, TimeProvider clock)
    : IdentityDbContext<SteunpuntUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data Protection keys live in the database, so every app instance reads the same cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public const string TenantFilter = "Tenant";

    /// <summary>The steunpunt this unit of work runs for; null on the national site.</summary>
    public Guid? CurrentTenantId => tenant.Id;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SteunpuntDb).Assembly);
        // Confidential text is encrypted by convention: a feature marks the property and nothing else. Identity's
        // tokens include each account's authenticator key: encrypted the same way.
        Privacy.ConfidentialColumns.Apply(builder, (typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<string>), nameof(Microsoft.AspNetCore.Identity.IdentityUserToken<string>.Value)));

        foreach (var entity in builder.Model.GetEntityTypes().ToList())
        {
            var clr = entity.ClrType;
            if (typeof(ITenantOwned).IsAssignableFrom(clr))
            {
                builder.Entity(clr).HasQueryFilter(TenantFilter, TenantOwnedFilter(clr));
                builder.Entity(clr).HasIndex(nameof(ITenantOwned.TenantId));
            }
            else if (typeof(INationalOrTenant).IsAssignableFrom(clr))
            {
                builder.Entity(clr).HasQueryFilter(TenantFilter, NationalOrTenantFilter(clr));
                builder.Entity(clr).HasIndex(nameof(INationalOrTenant.TenantId));
            }
        }
    }

    private LambdaExpression TenantOwnedFilter(Type clr)
    {
        var e = Expression.Parameter(clr, "e");
        var rowTenant = Expression.Convert(Expression.Property(e, nameof(ITenantOwned.TenantId)), typeof(Guid?));
        return Expression.Lambda(Expression.Equal(rowTenant, CurrentTenantIdExpression()), e);
    }

    private LambdaExpression NationalOrTenantFilter(Type clr)
    {
        var e = Expression.Parameter(clr, "e");
        var rowTenant = Expression.Property(e, nameof(INationalOrTenant.TenantId));
        var national = Expression.Equal(rowTenant, Expression.Constant(null, typeof(Guid?)));
        var own = Expression.Equal(rowTenant, CurrentTenantIdExpression());
        return Expression.Lambda(Expression.OrElse(national, own), e);
    }

    /// <summary>
    /// What every SteunpuntDb needs on either provider. The app applies it once, to options it makes once (see Data);
    /// <see cref="OnConfiguring"/> adds it to options made elsewhere (the EF tools, a test), so no context can miss
    /// the decrypting interceptor.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) =>
        options.AddInterceptors(Privacy.ConfidentialColumns.Materializer)
            // A failed command is not by itself an error of the app: a form sent twice at once meets a unique index on
            // purpose, and an outage is answered calmly. What nobody handles still reaches the error handler, which
            // logs it as an error.
            .ConfigureWarnings(w => w.Log(
                (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Warning),
                (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.ConnectionError, LogLevel.Warning),
                (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Warning),
                (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryIterationFailed, LogLevel.Warning)));

    // Runs for every context (every request): with the app's options it finds them configured and changes nothing,
    // which spares making new options per request.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var interceptors = optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors;
        if (interceptors?.Contains(Privacy.ConfidentialColumns.Materializer) != true)
        {
            Configure(optionsBuilder);
        }
    }

    // EF Core turns a reference to a property of the context into a query parameter, per context instance.
    private MemberExpression CurrentTenantIdExpression() =>
        Expression.Property(Expression.Constant(this), nameof(CurrentTenantId));

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampRows();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Privacy.ConfidentialColumns.Remember(ChangeTracker);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampRows();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        Privacy.ConfidentialColumns.Remember(ChangeTracker);
        return saved;
    }

    private void StampRows()
    {
        var now = clock.GetUtcNow();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && entry.Entity is ITenantOwned owned && owned.TenantId == Guid.Empty)
            {
                owned.TenantId = tenant.Id
                    ?? throw new InvalidOperationException($"A {entry.Entity.GetType().Name} needs a steunpunt, and none is current.");
            }
            if (entry.Entity is IStamped stamped && entry.State is EntityState.Added or EntityState.Modified)
            {
                if (entry.State == EntityState.Added && stamped.CreatedAt == default)
                {
                    stamped.CreatedAt = now;
                }
                stamped.UpdatedAt = now;
            }
        }
        Privacy.ConfidentialColumns.Seal(ChangeTracker);
    }
}

/// <summary>Rows that carry their creation and last-change time, set on save.</summary>
public interface IStamped
{
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}

public sealed class SqliteSteunpuntDb(DbContextOptions<SqliteSteunpuntDb> options, CurrentTenant tenant, TimeProvider clock)
    : SteunpuntDb(options, tenant, clock)
{
    /// <summary>SQLite has no date-time type: instants are stored as sortable integers (UTC ticks), so queries can
    /// compare and order them in the database ("over tijd", the outbox, the inbox order).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }

    /// <summary>SQLite takes one writer at a time per database, and a writer that finds it busy sleeps and retries.
    /// Queueing this process's writes to a database in turn instead keeps the time to "ontvangen" short under a burst.
    /// The turn is per database (its connection string), not per process: a write that waits out a locked or full
    /// database does not hold up the writes to another one (another app in the same process, as in the tests).</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_writeTurns = new(StringComparer.Ordinal);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var turn = s_writeTurns.GetOrAdd(Database.GetConnectionString() ?? "", static _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }
}

public sealed class PostgresSteunpuntDb(DbContextOptions<PostgresSteunpuntDb> options, CurrentTenant tenant, TimeProvider clock)
    : SteunpuntDb(options, tenant, clock);
