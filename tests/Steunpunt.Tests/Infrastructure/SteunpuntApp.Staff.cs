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
    public HttpClient CookieClient() => AtPublicAddress(CreateDefaultClient(new PathlessCookies()));

    // Signed-in clients ask at the same address as visitors (scheme included): the output cache keys on it.
    private HttpClient AtPublicAddress(HttpClient client)
    {
        client.BaseAddress = new Uri(PublicBaseAddress);
        return client;
    }

    /// <summary>Signs in with the password; staff set up two steps on first sign-in (the key is read from the page
    /// and codes are computed with Otp.NET, as an authenticator app would) or give a code later.</summary>
    public async Task<StaffSession> SignInAsStaffAsync(TestTenant tenant, string? email = null, string? key = null, params string[] roles)
    {
        email ??= await CreateAccountAsync(tenant, "Medewerker " + Guid.NewGuid().ToString("N")[..4], roles.Length == 0 ? [Policies.Staff] : roles);
        if (key is not null)
        {
            s_keys[email] = key;
        }
        var client = CookieClient();
        key = await SignInWithTwoStepsAsync(client, tenant.Path(""), email);
        return new StaffSession(client, email, key);
    }

    /// <summary>The password, then the second step: set up at the first sign-in (the key read from the page, as a
    /// person types it into their app), a fresh code from the key after that. Returns the account's key.</summary>
    public static async Task<string> SignInWithTwoStepsAsync(HttpClient client, string prefix, string email)
    {
        var login = await client.GetStringAsync($"{prefix}/account/inloggen");
        var response = await client.PostAsync($"{prefix}/account/inloggen", FormFrom(login, ("Input.Email", email), ("Input.Password", Password)));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Html.Text(await response.Content.ReadAsStringAsync()));
        var next = response.Headers.Location!.OriginalString;
        string key;
        if (next.Contains("tweestaps-instellen", StringComparison.Ordinal))
        {
            var setup = await client.GetStringAsync(next);
            key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            s_keys[email] = key;
            var confirmed = await client.PostAsync(next, FormFrom(setup, ("Code", NextCodeFor(key))));
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            Assert.DoesNotContain("inloggen", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("tweestaps", next, StringComparison.Ordinal);
            Assert.True(s_keys.TryGetValue(email, out key!), $"No authenticator key known for {email}.");
            var step = await client.GetStringAsync(next);
            var confirmed = await client.PostAsync(next, FormFrom(step, ("Code", NextCodeFor(key))));
            Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, Html.Text(await confirmed.Content.ReadAsStringAsync()));
            Assert.DoesNotContain("inloggen", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        return key;
    }

    // Each account's authenticator key, as its owner's phone would hold it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_keys = new(StringComparer.OrdinalIgnoreCase);

    // The last 30-second step each key gave a code for: the app accepts a code once, as a phone gives a new one.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> s_lastStep = new();

    /// <summary>The code of the current step, or of the next one when this key's current code was used already (the
    /// app accepts one step ahead); waits for time to move on when both were used.</summary>
    public static string NextCodeFor(string key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var last = s_lastStep.GetOrAdd(key, now - 2);
            var step = Math.Max(now, last + 1);
            if (step <= now + 1 && s_lastStep.TryUpdate(key, step, last))
            {
                return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
            }
            Thread.Sleep(500);
        }
    }

    /// <summary>A code for the current step, used or not (to show a used code is refused).</summary>
    public static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    [GeneratedRegex("<code class=\"secret\" data-key>([a-z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();

    /// <summary>Signs in with both steps and returns the sign-in cookie ("name=value"), to carry elsewhere.</summary>
    public async Task<string> SignInCookieAsync(string email, TestTenant? site)
    {
        var cookies = new PathlessCookies();
        await SignInWithTwoStepsAsync(AtPublicAddress(CreateDefaultClient(cookies)), site is null ? "" : "/" + site.Slug, email);
        return cookies.Pair("steunpunt.auth");
    }

    private sealed class PathlessCookies : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        public string Pair(string name)
        {
            lock (_cookies)
            {
                return $"{name}={_cookies[name]}";
            }
        }

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
