using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information;

/// <summary>An organisation on the sociale kaart: who else can help, per gemeente.</summary>
public sealed class Organisation : ITenantOwned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>e.g. "Leerplicht", "Wijkteam", "Onderwijsconsulent", "Ouderorganisatie".</summary>
    public string Kind { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Gemeenten it serves, separated by "|"; empty means the whole region.</summary>
    public string Gemeenten { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public DateOnly LastReviewedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> GemeenteList() =>
        Gemeenten.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b) => b.Property(p => p.Name).HasMaxLength(200);
}
