using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;

namespace Steunpunt.Tenancy;

/// <summary>A steunpunt (ouder- en jeugdsteunpunt): one region's site, serving one or more SWVs.</summary>
public sealed class Tenant : IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>First path segment in the path fallback, e.g. /west-brabant/…</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>Host names that resolve straight to this steunpunt, separated by spaces or commas.</summary>
    public string? Hosts { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    /// <summary>Markdown shown on the steunpunt's home page.</summary>
    public string? Welcome { get; set; }
    public int ReplyWorkingDays { get; set; } = 3;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Partnership> Partnerships { get; set; } = [];
    public List<ServedGemeente> Gemeenten { get; set; } = [];
    public List<School> Schools { get; set; } = [];

    public IEnumerable<string> HostNames() =>
        (Hosts ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant());
}

/// <summary>A samenwerkingsverband passend onderwijs (SWV) that this steunpunt serves.</summary>
public sealed class Partnership : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>Official number, e.g. "PO 30.02".</summary>
    public string? Code { get; set; }
    public required Sector Sector { get; set; }
}

/// <summary>A gemeente in the steunpunt's region; used by the finder on the national site.</summary>
public sealed class ServedGemeente : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
}

/// <summary>A school in the region; used by the finder ("zoek op naam van de school").</summary>
public sealed class School : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required string Gemeente { get; set; }
}

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Slug).HasMaxLength(60);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Hosts).HasMaxLength(500);
        b.HasMany(t => t.Partnerships).WithOne().HasForeignKey(p => p.TenantId);
        b.HasMany(t => t.Gemeenten).WithOne().HasForeignKey(p => p.TenantId);
        b.HasMany(t => t.Schools).WithOne().HasForeignKey(p => p.TenantId);
    }
}

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Sector).HasConversion(Sectors.Stored);
    }
}

internal sealed class ServedGemeenteConfiguration : IEntityTypeConfiguration<ServedGemeente>
{
    public void Configure(EntityTypeBuilder<ServedGemeente> b) => b.Property(p => p.Name).HasMaxLength(100);
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b) => b.Property(p => p.Name).HasMaxLength(200);
}

public static class TenancyData
{
    extension(SteunpuntDb db)
    {
        public DbSet<Tenant> Tenants => db.Set<Tenant>();
        public DbSet<School> Schools => db.Set<School>();
        public DbSet<ServedGemeente> ServedGemeenten => db.Set<ServedGemeente>();
    }
}
