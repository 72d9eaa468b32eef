namespace Steunpunt.Tenancy;

/// <summary>A row that belongs to exactly one steunpunt. Queries only ever see the current steunpunt's rows.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

/// <summary>A row that is either national (TenantId null, shown in every steunpunt) or one steunpunt's own.</summary>
public interface INationalOrTenant
{
    Guid? TenantId { get; set; }
}
