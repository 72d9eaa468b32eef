using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steunpunt.Tests.Infrastructure;
using Xunit.v3;

namespace Steunpunt.Tests.Hygiene;

/// <summary>The automatic check after every test really fails a test whose app logged an error.</summary>
public sealed class LoggedErrorTests(Apps apps) : IClassFixture<Apps>
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
}
