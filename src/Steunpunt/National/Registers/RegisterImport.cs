using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;
using Steunpunt.Tenancy.Registers;

namespace Steunpunt.National.Registers;

/// <summary>A DUO file as uploaded, kept until the administrator applied it (after seeing what it changes).</summary>
public sealed class RegisterUpload
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string FileName { get; set; } = "";
    public string Content { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset? AppliedAt { get; set; }
}

internal sealed class RegisterUploadConfiguration : IEntityTypeConfiguration<RegisterUpload>
{
    public void Configure(EntityTypeBuilder<RegisterUpload> b)
    {
        b.ToTable("RegisterUploads");
        b.Property(u => u.FileName).HasMaxLength(200);
        b.Property(u => u.UploadedBy).HasMaxLength(200);
    }
}

/// <summary>
/// Brings DUO's registers into the installation: compares a file with what is known (added, changed, closed: what
/// the file no longer lists in the sectors it covers) and applies it in one transaction. Applying the same file again
/// changes nothing.
/// </summary>
public sealed class RegisterImport(SteunpuntDb db, TimeProvider clock)
{
    public sealed record Change(string Key, string What);

    public sealed record Preview(RegisterFile.Kind Kind, int Rows, IReadOnlyList<Change> Added, IReadOnlyList<Change> Changed, IReadOnlyList<Change> Closed)
    {
        public bool ChangesNothing => Added.Count + Changed.Count + Closed.Count == 0;
    }

    /// <summary>What the file would change, without changing anything.</summary>
    public Task<Preview> PreviewAsync(RegisterFile.Parsed file, CancellationToken ct) => CompareAsync(file, apply: false, ct);

    /// <summary>Applies the file and says what it changed. Everything is written in one save, which is one
    /// transaction (with whatever else the caller changed in this unit of work, such as marking the upload applied).</summary>
    public async Task<Preview> ApplyAsync(RegisterFile.Parsed file, CancellationToken ct)
    {
        var result = await CompareAsync(file, apply: true, ct);
        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task<Preview> CompareAsync(RegisterFile.Parsed file, bool apply, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sectors = file.Sectors;
        var (added, changed, closed) = (new List<Change>(), new List<Change>(), new List<Change>());
        if (file.Kind == RegisterFile.Kind.Samenwerkingsverbanden)
        {
            var known = await (apply ? db.RegisterSwvs : db.RegisterSwvs.AsNoTracking()).ToDictionaryAsync(s => s.Code, ct);
            foreach (var swv in file.Swvs)
            {
                if (!known.TryGetValue(swv.Code, out var row))
                {
                    added.Add(new(swv.Code, swv.Name));
                    if (apply)
                    {
                        db.RegisterSwvs.Add(new RegisterSwv { Code = swv.Code, Name = swv.Name, Sector = swv.Sector, Place = swv.Place, UpdatedAt = now });
                    }
                }
                else if (row.Name != swv.Name || row.Place != swv.Place || row.ClosedAt is not null)
                {
                    changed.Add(new(swv.Code, row.ClosedAt is not null ? $"{swv.Name} (weer open)" : row.Name != swv.Name ? $"{row.Name} → {swv.Name}" : $"{swv.Name}: {row.Place} → {swv.Place}"));
                    if (apply)
                    {
                        (row.Name, row.Place, row.ClosedAt, row.UpdatedAt) = (swv.Name, swv.Place, null, now);
                    }
                }
            }
            var listed = file.Swvs.Select(s => s.Code).ToHashSet();
            foreach (var row in known.Values.Where(r => r.ClosedAt is null && sectors.Contains(r.Sector) && !listed.Contains(r.Code)))
            {
                closed.Add(new(row.Code, row.Name));
                if (apply)
                {
                    (row.ClosedAt, row.UpdatedAt) = (now, now);
                }
            }
        }
        else
        {
            var known = await (apply ? db.RegisterSchools : db.RegisterSchools.AsNoTracking()).ToDictionaryAsync(s => s.Brin + s.Vestiging, ct);
            foreach (var school in file.Schools)
            {
                if (!known.TryGetValue(school.Key, out var row))
                {
                    added.Add(new($"{school.Brin} {school.Vestiging}", $"{school.Name}, {school.Place} ({school.SwvCode})"));
                    if (apply)
                    {
                        var fresh = new RegisterSchool { Brin = school.Brin, Vestiging = school.Vestiging, Name = school.Name, SwvCode = school.SwvCode, UpdatedAt = now };
                        Copy(school, fresh);
                        db.RegisterSchools.Add(fresh);
                    }
                }
                else if (Differs(school, row))
                {
                    changed.Add(new($"{school.Brin} {school.Vestiging}", Describe(school, row)));
                    if (apply)
                    {
                        Copy(school, row);
                        (row.ClosedAt, row.UpdatedAt) = (null, now);
                    }
                }
            }
            var listed = file.Schools.Select(s => s.Key).ToHashSet();
            foreach (var row in known.Values.Where(r => r.ClosedAt is null && sectors.Contains(RegisterFile.SectorOfCode(r.SwvCode)) && !listed.Contains(r.Brin + r.Vestiging)))
            {
                closed.Add(new($"{row.Brin} {row.Vestiging}", $"{row.Name}, {row.Place}"));
                if (apply)
                {
                    (row.ClosedAt, row.UpdatedAt) = (now, now);
                }
            }
        }
        return new Preview(file.Kind, file.Swvs.Count + file.Schools.Count, added, changed, closed);
    }

    private static bool Differs(RegisterFile.School s, RegisterSchool r) =>
        r.ClosedAt is not null || r.Name != s.Name || r.Place != s.Place || r.Postcode != s.Postcode || r.Gemeente != s.Gemeente
        || r.Phase != s.Phase || r.Pupils != s.Pupils || r.SwvCode != s.SwvCode;

    private static string Describe(RegisterFile.School s, RegisterSchool r) =>
        r.ClosedAt is not null ? $"{s.Name} (weer open)"
        : r.SwvCode != s.SwvCode ? $"{s.Name}: {r.SwvCode} → {s.SwvCode}"
        : r.Name != s.Name ? $"{r.Name} → {s.Name}"
        : $"{s.Name}: gegevens gewijzigd";

    private static void Copy(RegisterFile.School s, RegisterSchool r) =>
        (r.Name, r.Place, r.Postcode, r.Gemeente, r.Phase, r.Pupils, r.SwvCode) = (s.Name, s.Place, s.Postcode, s.Gemeente, s.Phase, s.Pupils, s.SwvCode);
}
