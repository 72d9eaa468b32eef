using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OtpNet;
using Steunpunt.Data;

namespace Steunpunt.Accounts;

/// <summary>
/// The authenticator-app check (TOTP, RFC 6238: 30-second steps, one step of clock difference either way), with one
/// rule more than Identity's own: a code is accepted once. The last accepted step is kept in a table of its own, which
/// Identity never writes (it saves whole accounts, and could put back an older step), and moved on only forwards with
/// a conditional update, so a code seen over someone's shoulder, or sent twice at once, does not sign in again.
/// </summary>
public sealed class OnceOnlyAuthenticator(SteunpuntDb db, TimeProvider clock) : IUserTwoFactorTokenProvider<SteunpuntUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SteunpuntUser> manager, SteunpuntUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The app on the person's phone makes the codes; nothing is sent.
    public Task<string> GenerateAsync(string purpose, UserManager<SteunpuntUser> manager, SteunpuntUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SteunpuntUser> manager, SteunpuntUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await db.AuthenticatorUses.Where(u => u.UserId == user.Id && u.LastStep < step)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastStep, step)) == 1)
            {
                return true;
            }
            if (await db.AuthenticatorUses.AnyAsync(u => u.UserId == user.Id))
            {
                return false; // this step, or a later one, was used already
            }
            try
            {
                db.AuthenticatorUses.Add(new AuthenticatorUse { UserId = user.Id, LastStep = step });
                await db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
            {
                // The same code arrived twice at once: the other request stored it; try the update again.
                db.ChangeTracker.Entries<AuthenticatorUse>().ToList().ForEach(entry => entry.State = EntityState.Detached);
            }
        }
        return false;
    }

    /// <summary>Forgets the used steps: a new authenticator key starts afresh.</summary>
    public static Task ForgetAsync(SteunpuntDb db, string userId) =>
        db.AuthenticatorUses.Where(u => u.UserId == userId).ExecuteDeleteAsync();
}

/// <summary>The 30-second step of an account's last accepted authenticator code.</summary>
public sealed class AuthenticatorUse
{
    public required string UserId { get; set; }
    public long LastStep { get; set; }
}

internal sealed class AuthenticatorUseConfiguration : IEntityTypeConfiguration<AuthenticatorUse>
{
    public void Configure(EntityTypeBuilder<AuthenticatorUse> b)
    {
        b.ToTable("AuthenticatorUses");
        b.HasKey(u => u.UserId);
        b.Property(u => u.UserId).HasMaxLength(450);
    }
}

public static class AuthenticatorData
{
    extension(SteunpuntDb db)
    {
        public DbSet<AuthenticatorUse> AuthenticatorUses => db.Set<AuthenticatorUse>();
    }
}
