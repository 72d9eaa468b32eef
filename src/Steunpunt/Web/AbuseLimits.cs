using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Privacy;

namespace Steunpunt.Web;

/// <summary>
/// Per-address limits for the anonymous forms and the conversation lookup, counted per hour in the database so they
/// hold across instances. An address is stored only as a keyed fingerprint (an IPv6 address by its /64, which one
/// household holds), and the counts are deleted after two hours (Privacy/RetentionSweep.cs). Checked inside the page
/// handlers, so that someone over a limit gets the same form back with their text kept and a plain-Dutch message.
/// </summary>
public sealed class AbuseLimits(SteunpuntDb db, TimeProvider clock, IOptions<FormLimitsOptions> options, LastKnown lastKnown)
{
    public const string Submissions = "submission";
    public const string FailedLookups = "failed-lookup";
    public const string Votes = "vote";

    /// <summary>Counts one question or story from the caller's address; false when the hour's limit is reached.</summary>
    public Task<bool> TrySubmitAsync(HttpContext context, CancellationToken ct) =>
        TakeAsync(Submissions, context, options.Value.SubmissionsPerAddressPerHour, ct);

    /// <summary>Counts one "Was dit nuttig?" answer from the caller's address; false when the hour's limit is reached.</summary>
    public Task<bool> TryVoteAsync(HttpContext context, CancellationToken ct) =>
        TakeAsync(Votes, context, options.Value.VotesPerAddressPerHour, ct);

    /// <summary>Whether the caller's address has tried too many links or codes that opened nothing this hour. Opening
    /// a real conversation never counts, so a person who opens their own link often is never stopped.</summary>
    public async Task<bool> LookupsExhaustedAsync(HttpContext context, CancellationToken ct)
    {
        FailFastWhenAway();
        var (address, window) = Key(context);
        var count = await db.AddressCounts.AsNoTracking()
            .Where(c => c.Purpose == FailedLookups && c.Address == address && c.Window == window)
            .Select(c => (int?)c.Count).SingleOrDefaultAsync(ct);
        return count >= options.Value.LookupsPerAddressPerHour;
    }

    /// <summary>Counts a link or code that opened nothing.</summary>
    public Task RecordFailedLookupAsync(HttpContext context, CancellationToken ct) =>
        TakeAsync(FailedLookups, context, int.MaxValue, ct);

    private async Task<bool> TakeAsync(string purpose, HttpContext context, int limit, CancellationToken ct)
    {
        FailFastWhenAway();
        var (address, window) = Key(context);
        var sawRow = false;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var taken = await db.AddressCounts
                .Where(c => c.Purpose == purpose && c.Address == address && c.Window == window && c.Count < limit)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), ct);
            if (taken > 0)
            {
                return true;
            }
            if (await db.AddressCounts.AnyAsync(c => c.Purpose == purpose && c.Address == address && c.Window == window, ct))
            {
                // The row may have been started by a request from the same address just after our update (a double
                // click): count again once it is there; only a row that is already full refuses.
                if (sawRow)
                {
                    return false;
                }
                sawRow = true;
                continue;
            }
            try
            {
                db.AddressCounts.Add(new AddressCount { Purpose = purpose, Address = address, Window = window, Count = 1 });
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
            {
                // Another request from the same address started the count a moment ago; count on it.
                db.ChangeTracker.Clear();
            }
        }
        return false;
    }

    // Once this request found the database away, asking it again would only make the person wait longer.
    private void FailFastWhenAway()
    {
        if (lastKnown.DatabaseAway)
        {
            throw new DatabaseUnavailableException("The database was away earlier in this request.");
        }
    }

    private (string Address, long Window) Key(HttpContext context) =>
        (Fingerprint.Of("address", Network(context.Connection.RemoteIpAddress)), clock.GetUtcNow().ToUnixTimeSeconds() / 3600);

    /// <summary>The address as counted: IPv4 as is, IPv6 by its /64 network.</summary>
    public static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}

/// <summary>How often one address did one thing in one hour (window = hours since 1970).</summary>
public sealed class AddressCount
{
    public required string Purpose { get; set; }
    /// <summary>A keyed fingerprint of the address, never the address itself.</summary>
    public required string Address { get; set; }
    public long Window { get; set; }
    public int Count { get; set; }
}

internal sealed class AddressCountConfiguration : IEntityTypeConfiguration<AddressCount>
{
    public void Configure(EntityTypeBuilder<AddressCount> b)
    {
        b.ToTable("AddressCounts");
        b.HasKey(c => new { c.Purpose, c.Address, c.Window });
        b.Property(c => c.Purpose).HasMaxLength(20);
        b.Property(c => c.Address).HasMaxLength(64);
        b.HasIndex(c => c.Window);
    }
}

public static class AbuseData
{
    extension(SteunpuntDb db)
    {
        public DbSet<AddressCount> AddressCounts => db.Set<AddressCount>();
    }
}
