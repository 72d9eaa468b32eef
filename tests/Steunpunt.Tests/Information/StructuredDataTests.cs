using System.Text.Json;
using AngleSharp.Html.Parser;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>An answer's page carries schema.org FAQPage data (JSON-LD) with its question and answer, which no text in
/// the answer can break out of.</summary>
public sealed class StructuredDataTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_answer_page_has_faqpage_json_ld_with_its_question_and_answer(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        // Text that would end a script element, and open a new one, if it were written into the page unencoded.
        const string ShortAnswer = "Ja. </script><script>alert('x')</script> Vraag het café & de school <b>eerst</b>.";
        var item = await app.AddItemAsync(tenant, "Mag de school mijn kind <zomaar> naar huis sturen?", ShortAnswer,
            explanation: "Dat mag **alleen** met een [reden](https://example.nl/reden).");
        var html = await app.Anonymous().GetStringAsync(tenant.Path($"/informatie/{item.Slug}"));

        var document = new HtmlParser().ParseDocument(html);
        var data = Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']"));
        // Nothing broke out: the page's only other script is its own file (under its fingerprinted name).
        var script = Assert.Single(document.QuerySelectorAll("script[src]")).GetAttribute("src") ?? "";
        Assert.Matches($"^/{tenant.Slug}/js/suggest\\.[a-z0-9]+\\.js$", script);
        Assert.Equal(2, document.QuerySelectorAll("script").Length);

        using var json = JsonDocument.Parse(data.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("FAQPage", root.GetProperty("@type").GetString());
        var question = Assert.Single(root.GetProperty("mainEntity").EnumerateArray());
        Assert.Equal("Question", question.GetProperty("@type").GetString());
        Assert.Equal(document.QuerySelector("main h1")!.TextContent, question.GetProperty("name").GetString());
        Assert.Equal(item.Question, question.GetProperty("name").GetString());
        var answer = question.GetProperty("acceptedAnswer");
        Assert.Equal("Answer", answer.GetProperty("@type").GetString());
        var text = answer.GetProperty("text").GetString()!;
        Assert.StartsWith(ShortAnswer + "\n\n", text, StringComparison.Ordinal);
        // The explanation as plain words, without its Markdown.
        Assert.Contains("Dat mag alleen met een reden", text, StringComparison.Ordinal);
    }
}
