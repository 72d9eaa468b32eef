using System.Collections.Concurrent;
using System.Net;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Questions;

/// <summary>
/// "Ontvangen" means stored: the app process is killed with SIGKILL in the middle of a burst of questions, started
/// again on the same database, and every question that was acknowledged opens through its personal link.
/// </summary>
public sealed class NothingLostTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_acknowledged_question_survives_a_SIGKILL_in_the_middle_of_a_burst(string provider)
    {
        var (connection, file) = await Databases.CreateEmptyAsync(provider);
        var settings = new Dictionary<string, string>
        {
            ["Seed:Demo"] = "true",
            ["Seed:DemoPassword"] = SteunpuntApp.Password,
            ["Forms:MinimumFillSeconds"] = "0",
            ["Forms:SubmissionsPerAddressPerHour"] = "100000",
            ["Forms:LookupsPerAddressPerHour"] = "100000",
            ["Mail:PickupFolder"] = Path.Combine(Path.GetTempPath(), $"steunpunt-kill-mail-{Guid.NewGuid():N}"),
        };
        try
        {
            var acknowledged = new ConcurrentBag<(string Marker, Uri Link)>();
            var failed = 0;
            await using (var first = await AppProcess.StartAsync(provider, connection, settings))
            {
                using var stop = new CancellationTokenSource();
                var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
                {
                    using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(first.BaseAddress), Timeout = TimeSpan.FromSeconds(10) };
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        var marker = $"burst-{w}-{i}-{Guid.NewGuid():N}";
                        try
                        {
                            var form = await client.GetStringAsync("/rivierenland/vraag-stellen");
                            var response = await client.PostAsync("/rivierenland/vraag-stellen",
                                SteunpuntApp.FormWithHidden(form, SteunpuntApp.QuestionFields($"Vraag {marker}")));
                            var html = await response.Content.ReadAsStringAsync();
                            if (response.StatusCode == HttpStatusCode.OK && html.Contains("Uw vraag is ontvangen", StringComparison.Ordinal))
                            {
                                acknowledged.Add((marker, AskedQuestion.From(html).Link));
                            }
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                        {
                            Interlocked.Increment(ref failed);
                            return; // the server is gone
                        }
                    }
                })).ToList();

                // Let the burst run, then pull the plug while requests are in flight.
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (acknowledged.Count < 60 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(20);
                }
                first.KillHard();
                await stop.CancelAsync();
                await Task.WhenAll(workers);
            }

            Assert.True(acknowledged.Count >= 60, $"Only {acknowledged.Count} questions were acknowledged before the kill.");
            Assert.True(failed > 0, "No request was in flight when the app was killed.");

            await using var second = await AppProcess.StartAsync(provider, connection, settings);
            using var reader = new HttpClient { BaseAddress = new Uri(second.BaseAddress) };
            var missing = new List<string>();
            foreach (var (marker, link) in acknowledged)
            {
                // The demo steunpunt has its own host name, so the link is on that host: ask the new process for it.
                using var request = new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery);
                request.Headers.Host = link.Host;
                var response = await reader.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK || !(await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal))
                {
                    missing.Add(marker);
                }
            }
            Assert.Empty(missing);
        }
        finally
        {
            if (file is not null)
            {
                Databases.DeleteSqliteFile(file);
            }
        }
    }
}
