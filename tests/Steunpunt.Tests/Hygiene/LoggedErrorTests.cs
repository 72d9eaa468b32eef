using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steunpunt.Tests.Infrastructure;
using Xunit.v3;

namespace Steunpunt.Tests.Hygiene;

/// <summary>The automatic check after every test really fails a test whose app logged an error.</summary>
public sealed class LoggedErrorTests(Apps apps)
{
    [Fact]
    public async Task An_error_the_app_logs_fails_the_test_unless_the_test_expected_it()
    {
        var app = await apps.ForAsync(Databases.Sqlite);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Steunpunt.Probe");
        var check = new FailOnLoggedErrorsAttribute();
        var test = (IXunitTest)TestContext.Current.Test!;

        logger.LogError("Something broke in the probe");
        var failure = Assert.ThrowsAny<Exception>(() => check.After(typeof(LoggedErrorTests).GetMethod(nameof(An_error_the_app_logs_fails_the_test_unless_the_test_expected_it))!, test));
        Assert.Contains("Something broke in the probe", failure.Message, StringComparison.Ordinal);

        app.Logs.Expect((category, message, _) => category == "Steunpunt.Probe" && message.Contains("expected", StringComparison.Ordinal));
        logger.LogError("An expected failure of the probe");
        check.After(typeof(LoggedErrorTests).GetMethod(nameof(An_error_the_app_logs_fails_the_test_unless_the_test_expected_it))!, test);
    }

    /// <summary>The apps are shared by classes running side by side: what an app logs while it serves a test's request
    /// is that test's, so an error there fails that test and no other.</summary>
    [Fact]
    public async Task What_a_shared_app_logs_while_serving_a_request_belongs_to_the_test_that_sent_it()
    {
        var app = await apps.ForAsync(Databases.Sqlite);
        var tenant = await app.CreateTenantAsync();
        var visitor = app.Anonymous();

        // A question with the honeypot filled: refused, and the app logs a warning while serving the request.
        var form = await visitor.GetStringAsync(tenant.Path("/vraag-stellen"));
        var fields = SteunpuntApp.QuestionFields("Een vraag met de honingpot ingevuld.");
        fields["Input.Website"] = "http://spam.example";
        var refused = await visitor.PostAsync(tenant.Path("/vraag-stellen"), SteunpuntApp.FormWithHidden(form, fields));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(app.Logs.MessagesOf(TestContext.Current.Test!.UniqueID),
            m => m.Contains("Anonymous form refused: honeypot", StringComparison.Ordinal));
    }
}
