using System.Net;
using System.Security.Claims;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Internal;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Steunpunt.Accounts;
using Steunpunt.Questions;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Privacy;

/// <summary>
/// Someone walks away with a copy of the database (a backup, a dump), but not the key that lives outside it. They
/// know the open-source code, so they can build a sign-in cookie for a coordinator from what the copy holds: the
/// Data Protection key ring, the account's id and security stamp. The app must refuse it.
/// </summary>
public sealed class DatabaseCopyTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_sign_in_cookie_built_from_a_database_copy_is_refused(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var coordinator = await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator]);
        var secret = $"Alleen voor de medewerkers {Guid.NewGuid():N}";
        await app.AskQuestionAsync(tenant, secret);
        var caseId = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Id).SingleAsync());
        var casePage = tenant.Path($"/postvak/zaak/{caseId}");
        Assert.Contains(secret, await coordinator.Client.GetStringAsync(casePage), StringComparison.Ordinal);

        var copy = await CopyAsync(app, coordinator.Email);

        // The copy holds no key material in the clear: every key's secret is sealed.
        Assert.NotEmpty(copy.Keys);
        Every.Item(copy.Keys, k => Assert.DoesNotContain("<masterKey", k.ToString(), StringComparison.Ordinal));

        // The forgery with only the copy: refused, and nothing of the case shows.
        var forged = await app.Anonymous().SendAsync(WithCookie(casePage, Forge(copy, tenant, holdsKey: false)));
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.DoesNotContain(secret, await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        app.Logs.Expect((category, _, _) => category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal));

        // The same forgery by someone who also holds the key outside the database works: so the refusal above is the
        // encrypted key ring at work, not a flaw in how this test builds a cookie.
        var withKey = await app.Anonymous().SendAsync(WithCookie(casePage, Forge(copy, tenant, holdsKey: true)));
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Contains(secret, await withKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_with_another_key_stops_instead_of_writing_data_nobody_can_read()
    {
        var file = Path.Combine(Path.GetTempPath(), $"steunpunt-otherkey-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = await SteunpuntApp.StartAsync(Databases.Sqlite, sharedConnection: $"Data Source={file}"))
            {
                var tenant = await first.CreateTenantAsync();
                await first.AskQuestionAsync(tenant, "Versleuteld met de sleutel van de installatie.");
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var settings = new Dictionary<string, string> { ["Privacy:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) };
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => AppProcess.StartAsync(Databases.Sqlite, $"Data Source={file}", settings));
            Assert.Contains("stopped while starting", failure.Message, StringComparison.Ordinal);
            Assert.Contains("another key", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Databases.DeleteSqliteFile(file);
        }
    }

    private sealed record Copy(IReadOnlyList<XElement> Keys, string UserId, string UserName, string SecurityStamp);

    /// <summary>What the copy holds: read from a file copy of SQLite (VACUUM INTO) or with plain SQL from PostgreSQL.</summary>
    private static async Task<Copy> CopyAsync(SteunpuntApp app, string email)
    {
        var keys = new List<XElement>();
        string id = "", name = "", stamp = "";
        if (app.Provider == Databases.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"steunpunt-copy-{Guid.NewGuid():N}.db");
            var vacuum = $"VACUUM INTO '{file}'"; // a consistent copy of the live file, WAL included
            await app.WithDbAsync(null, db => db.Database.ExecuteSqlRawAsync(vacuum));
            try
            {
                await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
                await connection.OpenAsync();
                await ReadAsync(connection);
            }
            finally
            {
                File.Delete(file);
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await ReadAsync(connection);
        }
        return new Copy(keys, id, name, stamp);

        async Task ReadAsync(System.Data.Common.DbConnection connection)
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    keys.Add(XElement.Parse(reader.GetString(0)));
                }
            }
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT \"Id\", \"UserName\", \"SecurityStamp\" FROM \"AspNetUsers\" WHERE \"Email\" = '{email}'";
                await using var reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                (id, name, stamp) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            }
        }
    }

    /// <summary>Builds the coordinator's sign-in cookie (with the two-step claim) the way the app itself would, using
    /// Data Protection over the copied key ring. Without the key, the sealed secrets cannot be opened.</summary>
    private static string Forge(Copy copy, TestTenant tenant, bool holdsKey)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("Steunpunt")
            .AddKeyManagementOptions(o => o.XmlRepository = new CopiedKeys(copy.Keys));
        if (!holdsKey)
        {
            services.AddSingleton<IActivator>(new WithoutTheKey());
        }
        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, copy.UserId),
            new Claim(ClaimTypes.Name, copy.UserName),
            new Claim("AspNet.Identity.SecurityStamp", copy.SecurityStamp),
            new Claim(ClaimTypes.Role, Policies.Staff),
            new Claim(ClaimTypes.Role, Policies.Coordinator),
            new Claim(Policies.TenantClaim, tenant.Id.ToString()),
            new Claim(Policies.MfaClaim, Policies.MfaValue),
            new Claim("name", "Nagemaakt"),
        ], "Identity.Application", ClaimTypes.Name, ClaimTypes.Role);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, "Identity.Application");
        return new TicketDataFormat(protector).Protect(ticket);
    }

    private static HttpRequestMessage WithCookie(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"steunpunt.auth={cookie}");
        return request;
    }

    private sealed class CopiedKeys(IReadOnlyList<XElement> keys) : IXmlRepository
    {
        private readonly List<XElement> _keys = [.. keys];

        public IReadOnlyCollection<XElement> GetAllElements() => [.. _keys.Select(k => new XElement(k))];

        public void StoreElement(XElement element, string friendlyName) => _keys.Add(element);
    }

    /// <summary>Creates anything Data Protection asks for, except the app's decryptor, whose key is not in the copy.</summary>
    private sealed class WithoutTheKey : IActivator
    {
        public object CreateInstance(Type expectedBaseType, string implementationTypeName)
        {
            var type = Type.GetType(implementationTypeName, throwOnError: true)!;
            if (type == typeof(Steunpunt.Privacy.KeyRingDecryptor))
            {
                throw new System.Security.Cryptography.CryptographicException("The key that opens the key ring is not in the database copy.");
            }
            return Activator.CreateInstance(type)!;
        }
    }
}
