using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Data;

namespace Steunpunt.Privacy;

/// <summary>
/// One row per installation: a keyed fingerprint that tells whether this instance holds the key the database was
/// encrypted with, and whether values of earlier versions were sealed already. A new or wrong key (a lost key file,
/// an instance configured with another Privacy:Key) stops the start with a clear message instead of writing data
/// that the other instances, or this one later, cannot read.
/// </summary>
public sealed class InstallationKey
{
    public int Id { get; set; } = 1;
    public string KeyCheck { get; set; } = "";
    /// <summary>Values written before they were bound to their row have all been sealed again.</summary>
    public bool SealedToRows { get; set; }
}

internal sealed class InstallationKeyConfiguration : IEntityTypeConfiguration<InstallationKey>
{
    public void Configure(EntityTypeBuilder<InstallationKey> b)
    {
        b.ToTable("InstallationKey");
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.KeyCheck).HasMaxLength(64);
    }
}

public static partial class InstallationKeyStartup
{
    /// <summary>The start-up step of Privacy: the key check, the one-time sealing of old values, removing key ring
    /// entries that were stored unencrypted, and reading the key ring once (so a form can be drawn during an outage).</summary>
    public static async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<SteunpuntDb>();
        var logger = services.GetRequiredService<ILogger<InstallationKey>>();
        var check = Fingerprint.Of("installation-key", "steunpunt");
        var row = await db.Set<InstallationKey>().SingleOrDefaultAsync(k => k.Id == 1, ct);
        if (row is null)
        {
            row = new InstallationKey { KeyCheck = check };
            db.Set<InstallationKey>().Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
            {
                // Another instance started at the same moment and wrote the row: check against that one.
                db.ChangeTracker.Clear();
                row = await db.Set<InstallationKey>().SingleAsync(k => k.Id == 1, ct);
            }
        }
        if (row.KeyCheck != check)
        {
            throw new InvalidOperationException("This database was encrypted with another key than the one this instance has " +
                "(Privacy:Key, or the file Privacy:KeyFile / keys/confidential.key). Restore that key; a new key cannot read the data.");
        }
        if (!row.SealedToRows)
        {
            var sealedAgain = await ConfidentialColumns.UpgradeAsync(db, ct);
            LogSealed(logger, sealedAgain);
            row.SealedToRows = true;
            await db.SaveChangesAsync(ct);
        }
        if (PrivacyFeature.KeyInsideDataFolder is { } inside)
        {
            LogKeyInsideData(logger, inside);
        }
        // A key written before the key ring was encrypted would let a copy of the database sign cookies.
        await db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains("requiresEncryption=\"true\"")).ExecuteDeleteAsync(ct);
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("startup").Protect("key ring ready");
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "{Count} confidential rows of an earlier version were sealed to their row")]
    private static partial void LogSealed(ILogger logger, int count);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "The confidential-text key is read from {Path}, inside the data folder that holds the database: move it to keys/confidential.key (or set Privacy:KeyFile) and keep it apart from database copies")]
    private static partial void LogKeyInsideData(ILogger logger, string path);
}
