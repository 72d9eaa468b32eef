using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Steunpunt.Privacy;

/// <summary>
/// Encryption at rest as infrastructure. Every <see cref="ConfidentialAttribute"/> property is kept out of the EF
/// model; a shadow property holds its ciphertext in the column of the same name. On save the plain value is sealed
/// with the row's key as associated data (so a ciphertext moved to another row or column does not open); when a row
/// is read, the value is opened into the property. A query cannot filter or sort on a confidential property: EF
/// refuses to translate it, which is the point.
/// </summary>
public static class ConfidentialColumns
{
    private const string Suffix = "Sealed";

    private sealed record Column(PropertyInfo Property, string Shadow, string BoundTo);

    private static readonly ConcurrentDictionary<Type, Column[]> s_columns = new();

    // The plain values as last read or written, per entity instance: a save seals only what changed.
    private static readonly ConditionalWeakTable<object, string?[]> s_known = new();

    public static IMaterializationInterceptor Materializer { get; } = new OpenOnRead();

    // Values not bound to their row are read only while UpgradeAsync runs; any other time they are refused.
    private static readonly AsyncLocal<bool> s_upgrading = new();

    /// <summary>Maps every confidential property of the model to a sealed shadow column. Called once per context type
    /// from OnModelCreating; <paramref name="extra"/> names properties of framework types (Identity's tokens).</summary>
    public static void Apply(ModelBuilder builder, params (Type Type, string Property)[] extra)
    {
        foreach (var entity in builder.Model.GetEntityTypes().ToList())
        {
            var clr = entity.ClrType;
            var properties = clr.GetProperties()
                .Where(p => p.PropertyType == typeof(string) && (p.GetCustomAttribute<ConfidentialAttribute>(inherit: true) is not null
                    || extra.Any(x => x.Type == clr && x.Property == p.Name)))
                .ToList();
            if (properties.Count == 0)
            {
                continue;
            }
            var columns = new List<Column>();
            foreach (var property in properties)
            {
                var required = entity.FindProperty(property.Name)?.IsNullable == false
                    || new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull;
                builder.Entity(clr).Ignore(property.Name);
                builder.Entity(clr).Property<string>(property.Name + Suffix).HasColumnName(property.Name).IsRequired(required);
                columns.Add(new Column(property, property.Name + Suffix, $"{clr.Name}.{property.Name}"));
            }
            s_columns[clr] = [.. columns];
        }
    }

    /// <summary>Seals the confidential values that are new or changed. Called by SaveChanges before it writes.</summary>
    public static void Seal(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached || !s_columns.TryGetValue(entry.Entity.GetType(), out var columns))
            {
                continue;
            }
            var known = s_known.TryGetValue(entry.Entity, out var k) ? k : null;
            string? key = null;
            for (var i = 0; i < columns.Length; i++)
            {
                var plain = (string?)columns[i].Property.GetValue(entry.Entity);
                if (entry.State == EntityState.Added || known is null || !string.Equals(known[i], plain, StringComparison.Ordinal))
                {
                    key ??= KeyOf(entry.Metadata, p => entry.Property(p.Name).CurrentValue);
                    entry.Property(columns[i].Shadow).CurrentValue = plain is null ? null : ProtectedText.Protect(plain, $"{columns[i].BoundTo}/{key}");
                }
            }
        }
    }

    /// <summary>Remembers the plain values just written. Called by SaveChanges after it succeeded.</summary>
    public static void Remember(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (s_columns.TryGetValue(entry.Entity.GetType(), out var columns) && entry.State != EntityState.Detached)
            {
                s_known.AddOrUpdate(entry.Entity, [.. columns.Select(c => (string?)c.Property.GetValue(entry.Entity))]);
            }
        }
    }

    private static string KeyOf(IEntityType entity, Func<IProperty, object?> value) =>
        string.Join('/', entity.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(value(p), CultureInfo.InvariantCulture)));

    /// <summary>
    /// The plain values of one confidential property of the rows a query selects, read without loading the rest of
    /// each row (for counting, say: no contact details are opened to count gemeenten). For entities keyed by a Guid
    /// "Id".
    /// </summary>
    public static async Task<List<string?>> OpenAsync<T>(IQueryable<T> query, string property, CancellationToken ct) where T : class
    {
        var column = s_columns[typeof(T)].Single(c => c.Property.Name == property);
        var e = Expression.Parameter(typeof(T), "e");
        var efProperty = typeof(EF).GetMethod(nameof(EF.Property))!;
        var body = Expression.New(typeof(SealedValue).GetConstructors()[0],
            Expression.Call(efProperty.MakeGenericMethod(typeof(Guid)), e, Expression.Constant("Id")),
            Expression.Call(efProperty.MakeGenericMethod(typeof(string)), e, Expression.Constant(column.Shadow)));
        var rows = await query.Select(Expression.Lambda<Func<T, SealedValue>>(body, e)).ToListAsync(ct);
        return [.. rows.Select(r => r.Sealed is null ? null : ProtectedText.Unprotect(r.Sealed, $"{column.BoundTo}/{r.Id}"))];
    }

    private sealed record SealedValue(Guid Id, string? Sealed);

    /// <summary>Re-encrypts values written before they were bound to their row, and plain values in columns that
    /// became confidential later. Runs on start after the migrations; a no-op once done.</summary>
    public static async Task<int> UpgradeAsync(DbContext db, CancellationToken ct = default)
    {
        var upgraded = 0;
        s_upgrading.Value = true;
        try
        {
            foreach (var (type, columns) in s_columns.Where(c => db.Model.FindEntityType(c.Key) is not null))
            {
                var method = typeof(ConfidentialColumns).GetMethod(nameof(UpgradeRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
                upgraded += await (Task<int>)method.Invoke(null, [db, columns.Select(c => c.Shadow).ToArray(), ct])!;
            }
        }
        finally
        {
            s_upgrading.Value = false;
        }
        return upgraded;
    }

    private static async Task<int> UpgradeRowsAsync<T>(DbContext db, string[] shadows, CancellationToken ct) where T : class
    {
        var total = 0;
        while (true)
        {
            var rows = await db.Set<T>().IgnoreQueryFilters().Where(NotSealedToRow<T>(shadows)).Take(500).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return total;
            }
            foreach (var row in rows)
            {
                s_known.Remove(row); // unknown: every value is sealed again
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += rows.Count;
        }
    }

    // e => (e.A != null && !(e.A LIKE 'p2:%')) || (e.B != null && …), over the shadow columns.
    private static Expression<Func<T, bool>> NotSealedToRow<T>(string[] shadows)
    {
        var e = Expression.Parameter(typeof(T), "e");
        var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;
        var property = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(string));
        Expression? any = null;
        foreach (var shadow in shadows)
        {
            var value = Expression.Call(property, e, Expression.Constant(shadow));
            var notSealed = Expression.AndAlso(
                Expression.NotEqual(value, Expression.Constant(null, typeof(string))),
                Expression.Not(Expression.Call(like,
                    Expression.Constant(EF.Functions), value, Expression.Constant("p2:%"))));
            any = any is null ? notSealed : Expression.OrElse(any, notSealed);
        }
        return Expression.Lambda<Func<T, bool>>(any!, e);
    }

    /// <summary>Opens the sealed values of every row EF reads (tracked or not), before anyone sees the entity.</summary>
    private sealed class OpenOnRead : IMaterializationInterceptor
    {
        public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
        {
            if (!s_columns.TryGetValue(entity.GetType(), out var columns))
            {
                return entity;
            }
            var data = materializationData;
            string? key = null;
            var plain = new string?[columns.Length];
            var legacy = false;
            for (var i = 0; i < columns.Length; i++)
            {
                var stored = data.GetPropertyValue<string?>(columns[i].Shadow);
                if (stored is null)
                {
                    continue;
                }
                if (ProtectedText.IsCurrent(stored))
                {
                    key ??= KeyOf(data.EntityType, p => data.GetPropertyValue(p));
                    plain[i] = ProtectedText.Unprotect(stored, $"{columns[i].BoundTo}/{key}");
                }
                else if (s_upgrading.Value)
                {
                    plain[i] = ProtectedText.UnprotectLegacy(stored);
                    legacy = true;
                }
                else
                {
                    throw new System.Security.Cryptography.CryptographicException(
                        $"{columns[i].BoundTo} of a row holds a value that is not sealed to that row.");
                }
                columns[i].Property.SetValue(entity, plain[i]);
            }
            if (!legacy)
            {
                s_known.AddOrUpdate(entity, plain);
            }
            return entity;
        }
    }
}
