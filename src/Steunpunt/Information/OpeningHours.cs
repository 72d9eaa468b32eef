using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.Information;

/// <summary>Openingstijden: when the steunpunt can be reached, per weekday.</summary>
public sealed class OpeningHours : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    /// <summary>e.g. "telefonisch" or "spreekuur in de bibliotheek".</summary>
    public string Note { get; set; } = "";
}

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> b) => b.Property(p => p.Note).HasMaxLength(200);
}
