using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Questions;
using Steunpunt.Stories;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>
/// The database goes away for real: the test's own PostgreSQL is stopped in the middle of a burst of questions and
/// started again, the app is started while it is down, and a SQLite database fills its disk. Nothing acknowledged is
/// lost, no answer is an empty 500, and every form comes back with what was typed.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string NotStored = "We konden uw bericht nu niet bewaren";

    [Fact]
    public async Task PostgreSQL_stopped_during_a_burst_loses_nothing_and_every_answer_is_calm()
    {
        var (server, control) = Databases.OutageServer();
        var connection = await Databases.CreatePostgresDatabaseAsync(server);
        await using var app = await SteunpuntApp.StartAsync(Databases.Postgres, sharedConnection: connection);
        var tenant = await app.CreateTenantAsync();
        var article = await app.AddItemAsync(tenant, "Mag school mijn kind naar huis sturen?", "Nee, niet zomaar.");
        var articlePage = tenant.Path($"/informatie/{article.Slug}");
        var visitor = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(articlePage)).StatusCode); // now in the output cache
        var asked = await app.AskQuestionAsync(tenant, "Een vraag van voor de storing.");
        var staff = await app.SignInAsStaffAsync(tenant);
        var caseId = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Id).SingleAsync());
        // Errors the database's absence makes EF Core, Npgsql and Data Protection log are expected here.
        app.Logs.Expect((category, _, _) => category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || category.StartsWith("Npgsql", StringComparison.Ordinal) || category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)
            || category.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal));

        // A webinar and a practice example with a contact, their forms opened before the outage.
        var webinar = new Steunpunt.National.Webinars.Webinar { Title = "Webinar tijdens de storing", Description = "Over signaleren.", StartsAt = DateTimeOffset.UtcNow.AddDays(7), RoomUrl = "https://vergaderen.example/x", MaxParticipants = 10 };
        var example = new Steunpunt.National.Practice.PracticeExample { SteunpuntId = tenant.Id, SteunpuntName = tenant.Name, Title = "Voorbeeld tijdens de storing", Situation = "S", WhatWeDid = "W", WhatWorked = "W", WhatDidNot = "N", WhatItTook = "T", Status = Steunpunt.National.Practice.PracticeStatus.Gepubliceerd, PublishedAt = DateTimeOffset.UtcNow, ContactAgreed = true, ContactName = "Carla" };
        await app.WithDbAsync(null, db => { db.AddRange(webinar, example, new Steunpunt.National.Practice.PracticeContact { ExampleId = example.Id, Email = "carla@steunpunt.example" }); return db.SaveChangesAsync(); });
        var professional = app.Anonymous();
        var webinarForm = await professional.GetStringAsync($"/webinars/{webinar.Id}");
        var exampleForm = await professional.GetStringAsync($"/praktijkvoorbeelden/{example.Id}");

        var acknowledged = new ConcurrentBag<(string Marker, string Link)>();
        var problems = new ConcurrentBag<string>();
        var refusedCalmly = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var client = app.Anonymous();
            var form = await client.GetStringAsync(tenant.Path("/vraag-stellen"));
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var marker = $"storing-{w}-{i}-{Guid.NewGuid():N}";
                var fields = SteunpuntApp.QuestionFields($"Vraag {marker}");
                fields["Input.SubmissionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                var response = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, fields));
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && html.Contains("Uw vraag is ontvangen", StringComparison.Ordinal))
                {
                    acknowledged.Add((marker, AskedQuestion.From(html).LinkPath));
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && html.Contains(marker, StringComparison.Ordinal)
                    && html.Contains(NotStored, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref refusedCalmly);
                }
                else
                {
                    problems.Add($"{(int)response.StatusCode}: {(html.Length == 0 ? "empty" : Html.Text(html)[..Math.Min(200, Html.Text(html).Length)])}");
                }
            }
        })).ToList();

        var clock = Stopwatch.StartNew();
        while (acknowledged.Count < 10 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }
        await ControlAsync(control, "stop");
        var down = Stopwatch.StartNew();
        try
        {
            // While it is down: the cached article still shows, other pages say to come back, health tells live from ready.
            // Every request the database's absence reaches takes about two seconds (the app's retries bridge a short
            // blip before it answers), so the checks below are independent of each other and run at the same time.
            await Task.Delay(3000);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(articlePage)).StatusCode);
            await Task.WhenAll(
                PagesSayComeBackAsync(),
                StaffSeeComeBackAsync(),
                StoryComesBackAsync(),
                ReplyComesBackAsync(),
                RegistrationComesBackAsync(),
                InterestComesBackAsync());

            async Task PagesSayComeBackAsync()
            {
                var client = app.Anonymous();
                var contact = await client.GetAsync(tenant.Path("/zoeken?q=thuiszitten"));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, contact.StatusCode);
                Assert.Contains("Probeer het over een paar minuten opnieuw", Html.Text(await contact.Content.ReadAsStringAsync()), StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gezondheid/leeft")).StatusCode);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/gezondheid/klaar")).StatusCode);
            }

            // A signed-in staff member: the case page says to come back (not a bare 500, not the sign-in page). A public
            // page too: the cache never answers a signed-in person (PublicPageCache), whose session cannot be checked now.
            async Task StaffSeeComeBackAsync()
            {
                var casePage = await staff.Client.GetAsync(tenant.Path($"/postvak/zaak/{caseId}"));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, casePage.StatusCode);
                Assert.Contains("Probeer het over een paar minuten opnieuw", Html.Text(await casePage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
                var publicPage = await staff.Client.GetAsync(articlePage);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, publicPage.StatusCode);
                Assert.Contains("Probeer het over een paar minuten opnieuw", Html.Text(await publicPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }

            // A story and a reply sent now come back with their text.
            async Task StoryComesBackAsync()
            {
                var teller = app.Anonymous();
                var storyForm = await teller.GetStringAsync(tenant.Path("/vertel"));
                await ComesBackAsync(teller, tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(storyForm, Steunpunt.Tests.Stories.TellingTests.StoryFields("Verhaal tijdens de storing")),
                    "Verhaal tijdens de storing", NotStored);
            }

            async Task ReplyComesBackAsync()
            {
                var replier = app.Anonymous();
                await ComesBackAsync(replier, asked.LinkPath + "?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string> { ["Reply"] = "Reactie tijdens de storing" }),
                    "Reactie tijdens de storing", NotStored);
            }

            // A webinar registration and a message to a practice example's contact come back with what was typed.
            async Task RegistrationComesBackAsync()
            {
                var registrationHtml = await ComesBackAsync(professional, $"/webinars/{webinar.Id}", SteunpuntApp.FormWithHidden(webinarForm, new Dictionary<string, string>
                {
                    ["Input.Name"] = "Pim tijdens de storing",
                    ["Input.Email"] = "pim@school.example",
                    ["Input.Organisation"] = "De Linde",
                    ["Input.Question"] = "Vraag tijdens de storing",
                }), "Pim tijdens de storing", "Vraag tijdens de storing");
                Assert.Contains("Webinar tijdens de storing", Html.Text(registrationHtml), StringComparison.Ordinal);
            }

            Task InterestComesBackAsync() => ComesBackAsync(professional, $"/praktijkvoorbeelden/{example.Id}", SteunpuntApp.FormWithHidden(exampleForm, new Dictionary<string, string>
            {
                ["Input.Name"] = "Ilse",
                ["Input.Email"] = "ilse@swv.example",
                ["Input.Organisation"] = "SWV",
                ["Input.Text"] = "Bericht tijdens de storing",
            }), "Bericht tijdens de storing");

            while (down.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await ControlAsync(control, "start");
        }
        var back = acknowledged.Count;
        while (acknowledged.Count < back + 10 && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(50);
        }
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.True(problems.IsEmpty, $"{problems.Count} answers were neither 'ontvangen' nor the form with its text:\n" + string.Join("\n", problems.Take(10)));
        Assert.True(refusedCalmly > 0, "No question was sent while the database was down.");
        Assert.True(acknowledged.Count >= back + 10, "Questions were not accepted again after the database came back.");
        var missing = new List<string>();
        foreach (var (marker, link) in acknowledged)
        {
            var response = await visitor.GetAsync(link);
            if (response.StatusCode != HttpStatusCode.OK || !(await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal))
            {
                missing.Add(marker);
            }
        }
        Assert.Empty(missing);
        Assert.Equal(acknowledged.Count + 1, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task An_app_started_while_PostgreSQL_is_down_waits_and_serves_once_it_is_back()
    {
        var (server, control) = Databases.OutageServer();
        var connection = await Databases.CreatePostgresDatabaseAsync(server);
        await ControlAsync(control, "stop");
        SteunpuntApp? app = null;
        try
        {
            app = await SteunpuntApp.StartAsync(Databases.Postgres, sharedConnection: connection, waitUntilReady: false);
            app.Logs.Expect((category, _, _) => category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || category.StartsWith("Npgsql", StringComparison.Ordinal) || category.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal));
            var client = app.Anonymous();
            await Task.Delay(3000);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gezondheid/leeft")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/gezondheid/klaar")).StatusCode);
            var page = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("Probeer het over een paar minuten opnieuw", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await Task.Delay(6000); // longer than the nine seconds after which the app used to give up
        }
        finally
        {
            await ControlAsync(control, "start");
        }
        await using (app)
        {
            await app!.WaitUntilReadyAsync();
            var tenant = await app.CreateTenantAsync();
            await app.AskQuestionAsync(tenant, "Na de storing gesteld.");
            Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/gezondheid/klaar")).StatusCode);
        }
    }

    [Fact]
    public async Task A_full_disk_gives_the_forms_back_with_their_text_and_a_freed_disk_stores_them()
    {
        var disk = Environment.GetEnvironmentVariable("TEST_FULL_DISK");
        if (string.IsNullOrWhiteSpace(disk))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("TEST_FULL_DISK is not set; the test command mounts a small disk and sets it.");
            }
            Assert.Skip("TEST_FULL_DISK is not set: run the suite with ./test.sh (as root) to include the full-disk test.");
        }
        var file = Path.Combine(disk, $"steunpunt-{Guid.NewGuid():N}.db");
        var filler = Path.Combine(disk, $"filler-{Guid.NewGuid():N}");
        var app = await SteunpuntApp.StartAsync(Databases.Sqlite, sharedConnection: $"Data Source={file}");
        try
        {
            var tenant = await app.CreateTenantAsync();
            var client = app.Anonymous();
            var form = await client.GetStringAsync(tenant.Path("/vraag-stellen"));
            var storyForm = await client.GetStringAsync(tenant.Path("/vertel"));
            app.Logs.Expect((category, _, _) => category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

            // Fill what is left of the disk.
            await using (var fill = new FileStream(filler, FileMode.CreateNew))
            {
                var block = new byte[1024 * 1024];
                try
                {
                    while (true)
                    {
                        await fill.WriteAsync(block);
                        await fill.FlushAsync();
                    }
                }
                catch (IOException)
                {
                    // The disk is full.
                }
            }
            var questionHtml = await ComesBackAsync(client, tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, SteunpuntApp.QuestionFields("Mijn vraag op een volle schijf")),
                "Mijn vraag op een volle schijf", NotStored);
            var storyHtml = await ComesBackAsync(client, tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(storyForm, Steunpunt.Tests.Stories.TellingTests.StoryFields("Mijn verhaal op een volle schijf")),
                "Mijn verhaal op een volle schijf");

            // Space again: the same forms, sent again as they came back, are stored.
            File.Delete(filler);
            var again = await client.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(questionHtml, SteunpuntApp.QuestionFields("Mijn vraag op een volle schijf")));
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(storyHtml,
                Steunpunt.Tests.Stories.TellingTests.StoryFields("Mijn verhaal op een volle schijf")))).StatusCode);
            Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.Cases.CountAsync()));
            Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.Stories.CountAsync()));
        }
        finally
        {
            File.Delete(filler);
            await app.DisposeAsync();
            Databases.DeleteSqliteFile(file);
        }
    }

    /// <summary>Sends a form the database cannot store just now: the answer is 503, the form again with what was typed
    /// (each of <paramref name="expected"/> is in the page). Returns the page, to send again.</summary>
    private static async Task<string> ComesBackAsync(HttpClient client, string path, HttpContent form, params string[] expected)
    {
        var response = await client.PostAsync(path, form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        foreach (var text in expected)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
        return html;
    }

    private static async Task ControlAsync(string control, string action)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [control, action]) { RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{control} {action} failed: {await process.StandardError.ReadToEndAsync()}");
    }
}
