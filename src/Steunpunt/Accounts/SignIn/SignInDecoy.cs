using Microsoft.AspNetCore.Identity;

namespace Steunpunt.Accounts.SignIn;

/// <summary>
/// A password hash that belongs to nobody, made once per app by the app's own password hasher and its settings: a
/// sign-in with an unknown address (or to a locked account) is checked against it, so it costs the same work as the
/// check of a real account's password.
/// </summary>
public sealed class SignInDecoy(IServiceScopeFactory scopes)
{
    // The hasher is a scoped service; the hash is made once, in a scope of its own. A failed attempt is not kept: the
    // next sign-in tries again (PublicationOnly).
    private readonly Lazy<string> _hash = new(() =>
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IPasswordHasher<SteunpuntUser>>().HashPassword(new SteunpuntUser(), Guid.NewGuid().ToString());
    }, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>Does the work of checking this password against an account, with no account.</summary>
    public void Check(IPasswordHasher<SteunpuntUser> hasher, SteunpuntUser user, string password) =>
        hasher.VerifyHashedPassword(user, _hash.Value, password);
}
