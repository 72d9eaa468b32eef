using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Questions;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>
/// No value a browser can send produces a 5xx or an English framework message: every field of every public form gets
/// hostile variants (empty, huge, NUL and other control characters, invalid UTF-8, values that are not one of the
/// choices, numbers out of range, a field sent twice, a formula for a spreadsheet), one field at a time, and a form
/// that comes back still holds what the person typed in the other fields.
/// </summary>
public sealed class HostileInputTests(Apps apps) : IClassFixture<Apps>
{
    private const string Kept = "Deze tekst moet blijven staan";

    /// <summary>Raw url-encoded values: NUL and invalid UTF-8 can only be sent this way.</summary>
    private static readonly string[] s_variants =
    [
        "", Uri.EscapeDataString(new string('a', 20_000)), "a%00b", "%00", "%01%07%1B", "%C3%28%FF", "misschien", "-1", "99999999999999999999",
        "PO%2CVO", "0", "7", Uri.EscapeDataString("<script>alert(1)</script>"), Uri.EscapeDataString("\u202Eevil"), "%25",
        Uri.EscapeDataString("=HYPERLINK(\"http://evil.example\",\"klik\")"), "true", "on", Uri.EscapeDataString("AAAAAAAAAAAAAAAAAAAAAA"),
    ];

    private static readonly string[] s_englishMessages = ["The value", "is not valid", "Failed to read", "is required", "The field", "Exception"];

    public static TheoryData<string, string> Forms()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in Databases.Names)
        {
            foreach (var form in new[] { "ask", "tell", "code", "reply", "login", "forgot", "reset" })
            {
                data.Add(provider, form);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(Forms))]
    public async Task Every_field_of_a_public_form_takes_hostile_values_calmly(string provider, string form)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var (path, fields, textField) = form switch
        {
            "ask" => ("/vraag-stellen", Ask(tenant), "Input.Text"),
            "tell" => ("/vertel", Tell(), "Input.WhatHappened"),
            "code" => ("/gesprek?handler=Code", new Dictionary<string, string> { ["Code"] = "ABCDE-FGHJK" }, null),
            "reply" => await ReplyAsync(app, tenant),
            "forgot" => ("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Input.Email"] = "iemand@voorbeeld.nl" }, null),
            "reset" => ("/account/nieuw-wachtwoord", new Dictionary<string, string> { ["Id"] = Guid.NewGuid().ToString(), ["Token"] = "AAAA", ["Password"] = "Een-lang-wachtwoord-1" }, null),
            _ => ("/account/inloggen", new Dictionary<string, string> { ["Input.Email"] = "iemand@voorbeeld.nl", ["Input.Password"] = "geen-wachtwoord", ["ReturnUrl"] = "/" }, null),
        };
        var page = form switch
        {
            "code" => "/gesprek",
            "reply" => path[..path.IndexOf('?', StringComparison.Ordinal)],
            "reset" => "/account/wachtwoord-vergeten", // its own page has no form without a working link; this gives the antiforgery token
            _ => path,
        };
        var problems = new List<string>();
        var client = app.Anonymous();
        var html = await client.GetStringAsync(tenant.Path(page));
        var hidden = Hidden(html);
        foreach (var field in fields.Keys.Concat(hidden.Keys).Distinct().ToList())
        {
            foreach (var variant in s_variants.Append("twice"))
            {
                var body = new StringBuilder();
                foreach (var (name, value) in hidden.Concat(fields).GroupBy(f => f.Key).Select(g => g.Last()))
                {
                    var sent = name != field ? Uri.EscapeDataString(value) : variant == "twice" ? Uri.EscapeDataString(value) + "&" + Uri.EscapeDataString(name) + "=tweede" : variant;
                    body.Append(Uri.EscapeDataString(name)).Append('=').Append(sent).Append('&');
                }
                using var content = new StringContent(body.ToString().TrimEnd('&'), Encoding.ASCII, "application/x-www-form-urlencoded");
                var response = await client.PostAsync(tenant.Path(path), content);
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{form} {field}={(variant.Length > 30 ? variant[..30] + "…" : variant)}: {(int)response.StatusCode}";
                if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    problems.Add(what + " (server error)");
                    continue;
                }
                if (!text.Contains("<main", StringComparison.Ordinal) && response.StatusCode != HttpStatusCode.Redirect)
                {
                    problems.Add(what + " (no page)");
                }
                if (s_englishMessages.FirstOrDefault(m => Html.Text(text).Contains(m, StringComparison.Ordinal)) is { } english)
                {
                    problems.Add($"{what} (English: {english})");
                }
                var received = text.Contains("is ontvangen", StringComparison.Ordinal) || text.Contains("Dank u wel", StringComparison.Ordinal) || response.StatusCode == HttpStatusCode.Redirect;
                if (textField is not null && field != textField && !received && !text.Contains(Kept, StringComparison.Ordinal))
                {
                    problems.Add(what + " (the text was lost)");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_NUL_sent_in_a_multipart_form_is_cleaned_and_the_question_stored(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var html = await client.GetStringAsync(tenant.Path("/vraag-stellen"));
        using var content = new MultipartFormDataContent();
        var gemeente = $"Gemeente-{tenant.Slug}";
        foreach (var (name, value) in Hidden(html).Concat(Ask(tenant)).GroupBy(f => f.Key).Select(g => g.Last()))
        {
            content.Add(new StringContent(name == "Input.Gemeente" ? gemeente[..5] + "\0" + gemeente[5..] : value), name);
        }
        var response = await client.PostAsync(tenant.Path("/vraag-stellen"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Uw vraag is ontvangen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(tenant.Id, db => db.Cases.SingleAsync());
        Assert.Equal(gemeente, stored.Gemeente);
    }

    private static Dictionary<string, string> Ask(TestTenant tenant) => new()
    {
        ["Input.Role"] = "Ouder",
        ["Input.Text"] = Kept,
        ["Input.Theme"] = "T07",
        ["Input.Phase"] = "PO",
        ["Input.Gemeente"] = $"Gemeente-{tenant.Slug}",
        ["Input.ContactWay"] = "LinkOnly",
        ["Input.Name"] = "Sanne",
        ["Input.Email"] = "",
        ["Input.Phone"] = "",
        ["Input.PhoneWindows"] = "ochtend",
        ["Input.CallWithHiddenNumber"] = "false",
        ["Input.NoVoicemail"] = "false",
        ["Input.Under16"] = "false",
        ["Input.SharesHealth"] = "nee",
        ["Input.HealthConsent"] = "false",
        ["Input.Website"] = "",
    };

    private static Dictionary<string, string> Tell() => new()
    {
        ["Input.Teller"] = "Ouder",
        ["Input.Moment"] = "Een ochtend in maart.",
        ["Input.WhatHappened"] = Kept,
        ["Input.Meaning"] = "Veel.",
        ["Input.Needed"] = "Een gesprek.",
        ["Input.Phase"] = "PO",
        ["Input.Themes"] = "T07",
        ["Input.Feeling"] = "-1",
        ["Input.FeltHeard"] = "Deels",
        ["Input.MayQuote"] = "false",
        ["Input.Website"] = "",
    };

    private static async Task<(string, Dictionary<string, string>, string?)> ReplyAsync(SteunpuntApp app, TestTenant tenant)
    {
        var asked = await app.AskQuestionAsync(tenant, "Een vraag om op te reageren.");
        return (asked.LinkPath[(tenant.Path("").Length)..] + "?handler=Reply", new Dictionary<string, string> { ["Reply"] = Kept }, "Reply");
    }

    private static Dictionary<string, string> Hidden(string html)
    {
        var values = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
            "<input type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?name=\"(?<name>[^\"]+)\" type=\"hidden\" value=\"(?<value>[^\"]*)\""))
        {
            values[WebUtility.HtmlDecode(m.Groups["name"].Value)] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        }
        return values;
    }
}
