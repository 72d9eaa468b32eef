using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information;

/// <summary>One of a steunpunt's own pages: over ons, privacy, toegankelijkheid, the route "bij wie moet je zijn".</summary>
public sealed class RegionalPage : ITenantOwned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public RegionalPageKind Kind { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string Body { get; set; } = "";
    /// <summary>Which glossary term a word on this page means (see <see cref="FaqItem.TermChoices"/>).</summary>
    public string TermChoices { get; set; } = "";
    public ContentStatus Status { get; set; } = ContentStatus.Published;
    public DateOnly LastReviewedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum RegionalPageKind
{
    OverOns = 0,
    Privacy = 1,
    Toegankelijkheid = 2,
    Route = 3,
}

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

/// <summary>One publish: which steunpunt's content changed (none: the national set). Every instance reads new
/// rows each second to drop cached pages and update its search index.</summary>
public sealed class ContentChange
{
    public long Id { get; set; }
    public Guid? TenantId { get; set; }
    /// <summary>The national FAQ item that changed, when a national change concerns one item: then only that
    /// item is re-indexed in every steunpunt, instead of everything.</summary>
    public Guid? ItemId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class RegionalPageConfiguration : IEntityTypeConfiguration<RegionalPage>
{
    public void Configure(EntityTypeBuilder<RegionalPage> b)
    {
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.TermChoices).HasMaxLength(1000);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b) => b.Property(p => p.Name).HasMaxLength(200);
}

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> b) => b.Property(p => p.Note).HasMaxLength(200);
}

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> b) => b.Property(p => p.Id).ValueGeneratedOnAdd();
}
