using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Vocabulary;

/// <summary>A sluiting: days the steunpunt is closed (holidays), shown on the contact page.</summary>
public sealed class Closure : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> b) => b.Property(p => p.Reason).HasMaxLength(200);
}

/// <summary>The shared words' tables: themes (the national taxonomy) and a steunpunt's closures (its calendar).</summary>
public static class VocabularyData
{
    extension(SteunpuntDb db)
    {
        public DbSet<Theme> Themes => db.Set<Theme>();
        public DbSet<Closure> Closures => db.Set<Closure>();
    }
}
