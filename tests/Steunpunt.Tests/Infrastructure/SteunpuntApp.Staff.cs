using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Steunpunt.Accounts;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>Intent methods for staff: accounts with roles, sign-in with two steps.</summary>
public sealed partial class SteunpuntApp
{
    /// <summary>An account with the given roles at a steunpunt (or national with null).</summary>
    public async Task<string> CreateAccountAsync(TestTenant? tenant, string name, params string[] roles)
    {
        var email = $"{roles[0].ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SteunpuntUser>>();
        var user = new SteunpuntUser { UserName = email, Email = email, EmailConfirmed = true, TenantId = tenant?.Id, DisplayName = name };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
        return email;
    }

    /// <summary>A client whose cookies go with every path, as on a steunpunt with its own host name: lets a test
    /// take a sign-in made at one steunpunt to another steunpunt's pages.</summary>
    public HttpClient CookieClient() => CreateDefaultClient(new PathlessCookies());

    /// <summary>Signs in with the password; staff set up two steps on first sign-in (the key is read from the page
    /// and codes are computed with Otp.NET, as an authenticator app would) or give a code later.</summary>
    public async Task<StaffSession> SignInAsStaffAsync(TestTenant tenant, string? email = null, string? key = null, params string[] roles)
    {
        email ??= await CreateAccountAsync(tenant, "Medewerker " + Guid.NewGuid().ToString("N")[..4], roles.Length == 0 ? [Policies.Staff] : roles);
        var client = CookieClient();
        var login = await client.GetStringAsync(tenant.Path("/account/inloggen"));
        var response = await client.PostAsync(tenant.Path("/account/inloggen"), FormFrom(login, ("Input.Email", email), ("Input.Password", Password)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = response.Headers.Location!.OriginalString;
        if (next.Contains("tweestaps-instellen", StringComparison.Ordinal))
        {
            var setup = await client.GetStringAsync(next);
            key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var confirmed = await client.PostAsync(next, FormFrom(setup, ("Code", CodeFor(key))));
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }
        else
        {
            Assert.Contains("tweestaps", next, StringComparison.Ordinal);
            var step = await client.GetStringAsync(next);
            var confirmed = await client.PostAsync(next, FormFrom(step, ("Code", CodeFor(key!))));
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }
        return new StaffSession(client, email, key!);
    }

    public static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    [GeneratedRegex("<code class=\"secret\" data-key>([a-z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();

    private sealed class PathlessCookies : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_cookies)
            {
                if (_cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
                }
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                lock (_cookies)
                {
                    foreach (var header in values)
                    {
                        var pair = header.Split(';')[0];
                        var eq = pair.IndexOf('=', StringComparison.Ordinal);
                        var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                        if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                        {
                            _cookies.Remove(name);
                        }
                        else
                        {
                            _cookies[name] = value;
                        }
                    }
                }
            }
            return response;
        }
    }
}

public sealed record StaffSession(HttpClient Client, string Email, string Key);
