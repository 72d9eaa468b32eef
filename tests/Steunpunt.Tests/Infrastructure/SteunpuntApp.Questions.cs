using System.Net;
using System.Text.RegularExpressions;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>Intent methods for the Steunen pillar.</summary>
public sealed partial class SteunpuntApp
{
    /// <summary>The fields of a complete, valid anonymous question; tests override what they are about.</summary>
    public static Dictionary<string, string> QuestionFields(string text) => new()
    {
        ["Input.Role"] = "Ouder",
        ["Input.Text"] = text,
        ["Input.Theme"] = "T07",
        ["Input.Phase"] = "PO",
        ["Input.ContactWay"] = "LinkOnly",
        ["Input.SharesHealth"] = "nee",
    };

    /// <summary>Opens the form and sends it with the given fields (the form's own hidden fields included).</summary>
    public static async Task<HttpResponseMessage> PostQuestionAsync(HttpClient client, TestTenant tenant, IDictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(tenant.Path("/vraag-stellen"));
        return await client.PostAsync(tenant.Path("/vraag-stellen"), FormWithHidden(form, fields));
    }

    /// <summary>Asks a question anonymously and returns the personal link (path), code and confirmation page.</summary>
    public async Task<AskedQuestion> AskQuestionAsync(TestTenant tenant, string text, IDictionary<string, string>? extra = null)
    {
        var client = Anonymous();
        var fields = QuestionFields(text);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
        {
            fields[k] = v;
        }
        var response = await PostQuestionAsync(client, tenant, fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Uw vraag is ontvangen", html, StringComparison.Ordinal);
        return AskedQuestion.From(html);
    }

    /// <summary>Every hidden input of the form plus the given fields (which win).</summary>
    public static FormUrlEncodedContent FormWithHidden(string html, IDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>();
        foreach (Match m in HiddenPattern().Matches(html))
        {
            values[WebUtility.HtmlDecode(m.Groups["name"].Value)] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        }
        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }
        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex("<input type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?name=\"(?<name>[^\"]+)\" type=\"hidden\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();
}

public sealed partial record AskedQuestion(string LinkPath, string Code, string Html, Uri Link)
{
    public static AskedQuestion From(string html)
    {
        var link = LinkPattern().Match(html);
        var code = CodePattern().Match(html);
        Assert.True(link.Success && code.Success, "The confirmation shows no personal link or code.");
        var uri = new Uri(WebUtility.HtmlDecode(link.Groups[1].Value));
        return new AskedQuestion(uri.AbsolutePath, code.Groups[1].Value, html, uri);
    }

    [GeneratedRegex("<p class=\"secret\"><a href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<p class=\"secret code\"[^>]*>([A-Z0-9-]+)</p>")]
    private static partial Regex CodePattern();
}
