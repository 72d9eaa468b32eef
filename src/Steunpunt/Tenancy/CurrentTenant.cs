namespace Steunpunt.Tenancy;

/// <summary>The steunpunt the current request is for. Null means the national site.</summary>
public sealed class CurrentTenant
{
    public TenantEntry? Value { get; private set; }
    public Guid? Id => Value?.Id;
    public bool IsNational => Value is null;

    public void Set(TenantEntry? tenant) => Value = tenant;
}

/// <summary>What resolution needs to know of a steunpunt; cached in memory.</summary>
public sealed record TenantEntry(Guid Id, string Slug, string Name, IReadOnlyList<string> Hosts, bool InOprichting = false);
