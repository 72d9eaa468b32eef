using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Steunpunt.Privacy;
using Steunpunt.Questions;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Privacy;

public sealed class ConfidentialAtRestTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Questions_messages_notes_and_contact_details_are_unreadable_in_the_raw_database(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var marker = $"Fleur{Guid.NewGuid():N}"[..20];
        var sentence = $"Mijn dochter {marker} zit sinds de herfstvakantie thuis 🙂 مدرسة";
        var email = $"{marker.ToLowerInvariant()}@voorbeeld.nl";
        await app.AskQuestionAsync(tenant, sentence, new Dictionary<string, string>
        {
            ["Input.ContactWay"] = "Email",
            ["Input.Email"] = email,
            ["Input.Name"] = $"Naam {marker}",
        });
        await app.WithDbAsync(tenant.Id, async db =>
        {
            var id = await db.Cases.Select(c => c.Id).SingleAsync();
            db.CaseNotes.Add(new CaseNote { CaseId = id, At = DateTimeOffset.UtcNow, Text = $"Notitie over {marker}" });
            db.CaseMessages.Add(new CaseMessage { CaseId = id, At = DateTimeOffset.UtcNow, FromStaff = true, Text = $"Antwoord aan {marker}" });
            await db.SaveChangesAsync();
        });

        var staffKey = (await app.SignInAsStaffAsync(tenant)).Key; // the authenticator key is a secret too
        var teller = app.Anonymous();
        var storyForm = await teller.GetStringAsync(tenant.Path("/vertel"));
        var storyFields = Steunpunt.Tests.Stories.TellingTests.StoryFields($"Verhaal over {marker}");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await teller.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(storyForm, storyFields))).StatusCode);

        // Read back as written through the app...
        Assert.Equal(sentence, await app.WithDbAsync(tenant.Id, db => db.CaseMessages.Where(m => !m.FromStaff).Select(m => m.Text).SingleAsync()));
        Assert.Equal(email, await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Email).SingleAsync()));

        // ...and nowhere in the raw store.
        if (provider == Databases.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            var paths = new[] { file, file + "-wal" }.Where(File.Exists).ToList();
            Assert.NotEmpty(paths);
            foreach (var path in paths)
            {
                var bytes = await File.ReadAllBytesAsync(path);
                Assert.DoesNotContain(marker, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
                Assert.DoesNotContain(marker.ToLowerInvariant(), Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
                Assert.DoesNotContain(marker, Encoding.Unicode.GetString(bytes), StringComparison.Ordinal);
                Assert.DoesNotContain(staffKey, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            foreach (var table in new[] { "Cases", "CaseMessages", "CaseNotes", "OutgoingMail", "CaseAudit", "AspNetUserTokens", "Stories" })
            {
                await using var dump = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, '|'), '') FROM \"{table}\" t", connection);
                var raw = (string)(await dump.ExecuteScalarAsync())!;
                Assert.DoesNotContain(marker, raw, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(staffKey, raw, StringComparison.OrdinalIgnoreCase);
            }
            await using var one = new NpgsqlCommand("SELECT \"Text\" FROM \"CaseMessages\" LIMIT 1", connection);
            Assert.StartsWith("p1:", (string)(await one.ExecuteScalarAsync())!, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Another_steunpunt_never_sees_the_question(string provider)
    {
        var app = await apps.ForAsync(provider);
        var owner = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        await app.AskQuestionAsync(owner, "Alleen voor het eigen steunpunt");
        Assert.Equal(1, await app.WithDbAsync(owner.Id, db => db.Cases.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(other.Id, db => db.Cases.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(other.Id, db => db.CaseMessages.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(null, db => db.Cases.CountAsync()));
    }

    [Fact]
    public void Tampered_or_plain_values_are_refused()
    {
        ProtectedText.UseKey(Convert.FromBase64String(SteunpuntApp.TestKey));
        var stored = ProtectedText.Protect("geheim");
        Assert.Equal("geheim", ProtectedText.Unprotect(stored));
        Assert.NotEqual(stored, ProtectedText.Protect("geheim"));
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => ProtectedText.Unprotect("p1:" + Convert.ToBase64String(bytes)));
        Assert.Throws<CryptographicException>(() => ProtectedText.Unprotect("geheim"));
    }
}
