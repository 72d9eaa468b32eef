using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Signals;
using Steunpunt.Signals.Reports;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Signals;

/// <summary>
/// When the database cannot store just now (here: another connection holds SQLite's write lock longer than the app
/// waits), publishing the report and the board's answer come back calmly, in Dutch, with what was typed; once the
/// lock is gone the same forms are stored. The app waits 1 s for the lock per try (Default Timeout=1), four tries per
/// post: with 2 s the test took 28 s, with 1 s 20 s (by hand, two cores).
/// </summary>
public sealed class BoardReportOutageTests
{
    [Fact]
    public async Task A_database_that_cannot_write_gives_back_the_publish_and_answer_forms_with_their_text()
    {
        var file = Path.Combine(Path.GetTempPath(), $"steunpunt-test-{Guid.NewGuid():N}.db");
        var app = await SteunpuntApp.StartAsync(Databases.Sqlite, sharedConnection: $"Data Source={file};Default Timeout=1");
        try
        {
            var (tenant, po, _) = await BoardReportTests.SeedFixtureAsync(app);
            var signal = new Signal { Title = "Thuiszitters zonder plan", Status = SignalStatus.VoorgelegdAanBestuur };
            await app.WithDbAsync(tenant.Id, async db =>
            {
                db.Signals.Add(signal);
                await db.SaveChangesAsync();
            });
            var staff = await app.SignInAsStaffAsync(tenant);
            var board = await app.SignInAsync(await BoardReportTests.BoardMemberAsync(app, tenant, po), tenant);
            var reportUrl = tenant.Path($"/rapportage?swv={po}&periode=2026-K3");
            var reportForm = await staff.Client.GetStringAsync(reportUrl);
            var answerUrl = tenant.Path($"/rapportage/signalen/{signal.Id}/antwoord");
            var answerForm = await board.GetStringAsync(answerUrl);
            FormUrlEncodedContent Publish() => SteunpuntApp.FormFrom(reportForm, ("Summary", "Samenvatting geschreven tijdens de storing."));
            FormUrlEncodedContent Answer() => SteunpuntApp.FormFrom(answerForm, ("Input.Action", "Een plan met elke school."), ("Input.When", "voor 1 maart 2027"));
            app.Logs.Expect((category, _, _) => category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

            await using (var blocker = new SqliteConnection($"Data Source={file}"))
            {
                await blocker.OpenAsync();
                using var writeLock = blocker.BeginTransaction(deferred: false);

                var published = await staff.Client.PostAsync(reportUrl + "&handler=Publish", Publish());
                var publishedHtml = Html.Text(await published.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.ServiceUnavailable, published.StatusCode);
                Assert.Contains("We konden de rapportage nu niet publiceren", publishedHtml, StringComparison.Ordinal);
                Assert.Contains("Samenvatting geschreven tijdens de storing.", publishedHtml, StringComparison.Ordinal);

                var answered = await board.PostAsync(answerUrl, Answer());
                var answeredHtml = await answered.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answered.StatusCode);
                Assert.Contains("We konden uw antwoord nu niet bewaren", Html.Text(answeredHtml), StringComparison.Ordinal);
                Assert.Contains("Een plan met elke school.", Html.Text(answeredHtml), StringComparison.Ordinal);
                Assert.Contains("value=\"voor 1 maart 2027\"", answeredHtml, StringComparison.Ordinal);
                writeLock.Rollback();
            }

            // The lock is gone: the same forms are stored.
            Assert.Equal(HttpStatusCode.Redirect, (await staff.Client.PostAsync(reportUrl + "&handler=Publish", Publish())).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await board.PostAsync(answerUrl, Answer())).StatusCode);
            Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.BoardReportReleases.CountAsync()));
            Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.BoardAnswers.CountAsync()));
        }
        finally
        {
            await app.DisposeAsync();
            Databases.DeleteSqliteFile(file);
        }
    }
}
