using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steunpunt.Tenancy.Registers;

/// <summary>A school location (vestiging) as DUO publishes it, with the SWV it belongs to: national.</summary>
public sealed class RegisterSchool
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The BRIN number (instellingscode), four characters such as "12AB".</summary>
    public required string Brin { get; set; }
    /// <summary>The location's number within the BRIN, two digits ("00" for the main location).</summary>
    public required string Vestiging { get; set; }
    public required string Name { get; set; }
    public string Place { get; set; } = "";
    /// <summary>"1234 AB".</summary>
    public string Postcode { get; set; } = "";
    public string Gemeente { get; set; } = "";
    public SchoolPhases Phase { get; set; }
    public int? Pupils { get; set; }
    /// <summary>The SWV's code, "PO 30.02".</summary>
    public required string SwvCode { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class RegisterSchoolConfiguration : IEntityTypeConfiguration<RegisterSchool>
{
    public void Configure(EntityTypeBuilder<RegisterSchool> b)
    {
        b.ToTable("RegisterSchools");
        b.HasIndex(s => new { s.Brin, s.Vestiging }).IsUnique();
        b.HasIndex(s => s.SwvCode);
        b.HasIndex(s => s.Postcode);
        b.Property(s => s.Brin).HasMaxLength(4);
        b.Property(s => s.Vestiging).HasMaxLength(2);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Place).HasMaxLength(100);
        b.Property(s => s.Postcode).HasMaxLength(7);
        b.Property(s => s.Gemeente).HasMaxLength(100);
        b.Property(s => s.SwvCode).HasMaxLength(8);
    }
}

public static class RegisterData
{
    extension(Data.SteunpuntDb db)
    {
        public DbSet<RegisterSwv> RegisterSwvs => db.Set<RegisterSwv>();
        public DbSet<RegisterSchool> RegisterSchools => db.Set<RegisterSchool>();
    }
}
