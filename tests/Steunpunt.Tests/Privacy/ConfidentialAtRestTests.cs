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
            // The log first, then the file: a checkpoint by a background job in between folds the log into the file,
            // which is then read after it.
            var read = 0;
            foreach (var path in new[] { file + "-wal", file })
            {
                byte[] bytes;
                try
                {
                    bytes = await File.ReadAllBytesAsync(path);
                }
                catch (FileNotFoundException) when (path != file)
                {
                    continue;
                }
                read++;
                Assert.DoesNotContain(marker, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
                Assert.DoesNotContain(marker.ToLowerInvariant(), Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
                Assert.DoesNotContain(marker, Encoding.Unicode.GetString(bytes), StringComparison.Ordinal);
                Assert.DoesNotContain(staffKey, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            }
            Assert.True(read > 0);
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
            Assert.StartsWith("p2:", (string)(await one.ExecuteScalarAsync())!, StringComparison.Ordinal);
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
    public void Tampered_plain_or_moved_values_are_refused()
    {
        ProtectedText.UseKey(Convert.FromBase64String(SteunpuntApp.TestKey));
        var row = $"SupportCase.Email/{Guid.NewGuid()}";
        var stored = ProtectedText.Protect("geheim", row);
        Assert.Equal("geheim", ProtectedText.Unprotect(stored, row));
        Assert.StartsWith("p2:", stored, StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => ProtectedText.Unprotect("p2:" + Convert.ToBase64String(bytes), row));
        Assert.Throws<CryptographicException>(() => ProtectedText.Unprotect("geheim", row));
        // The same ciphertext under another row or another column does not open.
        Assert.ThrowsAny<CryptographicException>(() => ProtectedText.Unprotect(stored, $"SupportCase.Email/{Guid.NewGuid()}"));
        Assert.ThrowsAny<CryptographicException>(() => ProtectedText.Unprotect(stored, row.Replace("Email", "Phone", StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_message_copied_into_another_row_does_not_open(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.AskQuestionAsync(tenant, "Eerste vraag, van ouder A.");
        var second = await app.AskQuestionAsync(tenant, "Tweede vraag, van ouder B.");

        // Someone with write access to the database copies A's sealed text over B's.
        var (first, target) = await app.WithDbAsync(tenant.Id, async db =>
        {
            var ids = await db.CaseMessages.OrderBy(m => m.At).Select(m => m.Id).ToListAsync();
            return (ids[0], ids[1]);
        });
        await RawAsync(app, $"UPDATE \"CaseMessages\" SET \"Text\" = (SELECT \"Text\" FROM \"CaseMessages\" WHERE \"Id\" = {Literal(app, first)}) WHERE \"Id\" = {Literal(app, target)}");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => app.WithDbAsync(tenant.Id, db => db.CaseMessages.AsNoTracking().SingleAsync(m => m.Id == target)));
        app.Logs.Expect((category, _, _) => category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        // Through the app, B's conversation does not show A's question.
        var page = await app.Anonymous().GetAsync(second.LinkPath);
        Assert.DoesNotContain("Eerste vraag, van ouder A.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, page.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Values_written_by_an_earlier_version_are_sealed_to_their_row_on_start(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.AskQuestionAsync(tenant, "Een vraag van vorig jaar.");
        var (caseId, messageId) = await app.WithDbAsync(tenant.Id, async db =>
            (await db.Cases.Select(c => c.Id).SingleAsync(), await db.CaseMessages.Select(m => m.Id).SingleAsync()));
        // The old format: encrypted without being bound to a row; and a column that was plain before.
        var key = Convert.FromBase64String(SteunpuntApp.TestKey);
        var legacy = "p1:" + Convert.ToBase64String(ProtectedText.Seal(key, Encoding.UTF8.GetBytes("Oude tekst"), boundTo: null));
        await RawAsync(app, $"UPDATE \"CaseMessages\" SET \"Text\" = '{legacy}' WHERE \"Id\" = {Literal(app, messageId)}");
        await RawAsync(app, $"UPDATE \"Cases\" SET \"Gemeente\" = 'Oudegemeente' WHERE \"Id\" = {Literal(app, caseId)}");

        // Outside the upgrade they are refused...
        await Assert.ThrowsAnyAsync<CryptographicException>(() => app.WithDbAsync(tenant.Id, db => db.Cases.AsNoTracking().SingleAsync()));
        app.Logs.Expect((category, _, _) => category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        // ...and the upgrade on start seals them to their row.
        var upgraded = await app.WithDbAsync(null, db => ConfidentialColumns.UpgradeAsync(db));
        Assert.Equal(2, upgraded);
        Assert.Equal("Oude tekst", await app.WithDbAsync(tenant.Id, db => db.CaseMessages.AsNoTracking().Select(m => m.Text).SingleAsync()));
        Assert.Equal("Oudegemeente", (await app.WithDbAsync(tenant.Id, db => db.Cases.AsNoTracking().SingleAsync())).Gemeente);
        Assert.Equal(0, await app.WithDbAsync(null, db => ConfidentialColumns.UpgradeAsync(db)));
    }

    private static string Literal(SteunpuntApp app, Guid id) =>
        app.Provider == Databases.Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    private static Task<int> RawAsync(SteunpuntApp app, string sql) =>
        app.WithDbAsync(null, db => db.Database.ExecuteSqlRawAsync(sql));
}
