using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Data;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information.Search;

/// <summary>At national scale the search index takes seconds to build: pages are served meanwhile.</summary>
public sealed class SearchStartTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Pages_answer_while_the_search_index_is_built_and_search_asks_to_wait_a_moment(string provider)
    {
        await using var app = await SteunpuntApp.StartAsync(provider);
        // A second instance on the same database whose index build waits until the test lets it go.
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var starting = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            var at = services.ToList().FindIndex(d => d.ImplementationInstance is StartupStep { Name: "search index" });
            Assert.True(at >= 0);
            services.Insert(at, ServiceDescriptor.Singleton(new StartupStep("held", (_, ct) => hold.Task.WaitAsync(ct), WhileServing: true)));
        }));
        var visitor = starting.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(app.PublicBaseAddress) });
        var readiness = starting.Services.GetRequiredService<Readiness>();
        await readiness.WaitUntilServingAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.False(readiness.IsReady);

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/informatie/wat-is-een-tlv")).StatusCode);
        var ready = await visitor.GetAsync("/gezondheid");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("zoeken start nog op", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/gezondheid/klaar")).StatusCode);

        var waiting = await visitor.GetAsync("/zoeken?q=tlv");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
        Assert.NotNull(waiting.Headers.RetryAfter);
        var page = Html.MainOf(await waiting.Content.ReadAsStringAsync());
        Assert.Contains("Even geduld", page, StringComparison.Ordinal);
        Assert.Contains("value=\"tlv\"", page, StringComparison.Ordinal); // the form keeps what was typed
        Assert.Equal("[]", await visitor.GetStringAsync("/zoeken/suggesties?q=tlv"));

        hold.SetResult();
        await readiness.WaitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        var found = await visitor.GetAsync("/zoeken?q=tlv");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("/informatie/wat-is-een-tlv", await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
