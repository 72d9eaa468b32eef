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

    /// <summary>Being set up: not public (404 for visitors and absent from the finder), reachable for its own team and
    /// the national administrator. It goes live when its coordinator and then the administrator say so.</summary>
    public bool InOprichting { get; set; }
    /// <summary>When the coordinator said the steunpunt is ready to go live, and who.</summary>
    public DateTimeOffset? ReadyAt { get; set; }
    public string? ReadyBy { get; set; }
    /// <summary>When the national administrator took it live, and who.</summary>
    public DateTimeOffset? LiveAt { get; set; }
    public string? LiveBy { get; set; }
    /// <summary>When the national administrator removed the steunpunt (opgeheven), and who. A removed steunpunt is gone
    /// for everyone (its address answers 404, its accounts are locked), its slug stays taken, and its cases stay in
    /// the database until their retention ends.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Partnership> Partnerships { get; set; } = [];
    public List<ServedGemeente> Gemeenten { get; set; } = [];
    public List<School> Schools { get; set; } = [];

    /// <summary>The coordinator says the steunpunt is ready to go live (once).</summary>
    public void MarkReady(string who, DateTimeOffset now)
    {
        if (InOprichting && ReadyAt is null)
        {
            (ReadyAt, ReadyBy) = (now, who);
        }
    }

    /// <summary>The national administrator takes the steunpunt live; only after its coordinator said it is ready.</summary>
    public bool TakeLive(string who, DateTimeOffset now)
    {
        if (!InOprichting || ReadyAt is null)
        {
            return false;
        }
        (InOprichting, LiveAt, LiveBy) = (false, now, who);
        return true;
    }

    /// <summary>A steunpunt visitors can find: live and not removed.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Tenant, bool>> Public = t => !t.InOprichting && t.RemovedAt == null;

    /// <summary>The national administrator removes the steunpunt (once).</summary>
    public void Remove(string who, DateTimeOffset now)
    {
        if (RemovedAt is null)
        {
            (RemovedAt, RemovedBy) = (now, who);
        }
    }

    public IEnumerable<string> HostNames() =>
        (Hosts ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant());
}

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Slug).HasMaxLength(60);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Hosts).HasMaxLength(500);
        b.Property(t => t.ReadyBy).HasMaxLength(200);
        b.Property(t => t.LiveBy).HasMaxLength(200);
        b.Property(t => t.RemovedBy).HasMaxLength(200);
        b.HasMany(t => t.Partnerships).WithOne().HasForeignKey(p => p.TenantId);
        b.HasMany(t => t.Gemeenten).WithOne().HasForeignKey(p => p.TenantId);
        b.HasMany(t => t.Schools).WithOne().HasForeignKey(p => p.TenantId);
    }
}
