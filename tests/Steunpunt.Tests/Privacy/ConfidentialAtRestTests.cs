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
    public async Task A_question_is_stored_encrypted_and_read_back_as_written(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var sentence = $"Mijn dochter Fleur-{Guid.NewGuid():N} zit sinds de herfstvakantie thuis 🙂 مدرسة";
        var id = await app.WithDbAsync(tenant.Id, async db =>
        {
            var question = new Question { Text = sentence, ReceivedAt = DateTimeOffset.UtcNow };
            db.Questions.Add(question);
            await db.SaveChangesAsync();
            return question.Id;
        });

        Assert.Equal(sentence, await app.WithDbAsync(tenant.Id, db => db.Questions.Where(q => q.Id == id).Select(q => q.Text).SingleAsync()));
        var marker = sentence[..30];
        if (provider == Databases.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
            {
                var raw = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path));
                Assert.DoesNotContain(marker, raw, StringComparison.Ordinal);
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT \"Text\" FROM \"Question\" WHERE \"Id\" = @id", connection);
            command.Parameters.AddWithValue("id", id);
            var stored = (string)(await command.ExecuteScalarAsync())!;
            Assert.StartsWith("p1:", stored, StringComparison.Ordinal);
            Assert.DoesNotContain(marker, stored, StringComparison.Ordinal);
            await using var dump = new NpgsqlCommand("SELECT string_agg(\"Text\", '') FROM \"Question\"", connection);
            Assert.DoesNotContain("Fleur", (string)(await dump.ExecuteScalarAsync())!, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Another_steunpunt_never_sees_the_question(string provider)
    {
        var app = await apps.ForAsync(provider);
        var owner = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        await app.WithDbAsync(owner.Id, async db =>
        {
            db.Questions.Add(new Question { Text = "Alleen voor het eigen steunpunt", ReceivedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        Assert.Equal(0, await app.WithDbAsync(other.Id, db => db.Questions.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(null, db => db.Questions.CountAsync()));
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
