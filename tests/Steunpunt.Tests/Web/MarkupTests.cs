using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Information;
using Steunpunt.Questions;
using Steunpunt.Signals;
using Steunpunt.Stories;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>
/// What axe in a browser let through, checked on the markup itself (as the W3C checker and HTML_CodeSniffer do):
/// every page type and every form, also in its error state, has no duplicate ids, no label pointing at something that
/// is not a form control, no form control without an accessible name, no reference (aria-*, error-summary link) to
/// an id that is not there.
/// </summary>
public sealed class MarkupTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_page_and_form_state_has_unique_ids_working_labels_and_named_controls(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var item = await app.AddItemAsync(tenant, "Wat is een thuiszitter?", "Een kind dat niet naar school gaat.", explanation: "Een **TLV** en een OPP.");
        var asked = await app.AskQuestionAsync(tenant, "Een vraag voor de markup.");
        var theme = await app.WithDbAsync(null, db => db.Themes.Select(t => t.Slug).FirstAsync());
        var term = await app.WithDbAsync(null, db => db.GlossaryTerms.Where(t => t.TenantId == null).Select(t => t.Slug).FirstAsync());
        var visitor = app.Anonymous();
        var pages = new Dictionary<string, string>();

        async Task GetAsync(HttpClient client, string path) => pages[$"GET {path}"] = await (await client.GetAsync(path)).Content.ReadAsStringAsync();

        async Task PostAsync(HttpClient client, string page, string target, Dictionary<string, string> fields) =>
            pages[$"POST {target} {string.Join(",", fields.Keys)}"] = await (await client.PostAsync(target,
                SteunpuntApp.FormWithHidden(await client.GetStringAsync(page), fields))).Content.ReadAsStringAsync();

        // The national site and every public page type of a steunpunt.
        foreach (var path in new[] { "/", "/?zoek=gemeente", "/steunpunten", "/begrippen", $"/begrippen/{term}", "/zoeken?q=tlv", "/zoeken?q=qxjzqqxjz", "/account/inloggen", "/fout/404" })
        {
            await GetAsync(visitor, path);
        }
        foreach (var path in new[]
        {
            "/", "/jongeren", "/begrippen", $"/begrippen/{term}", $"/thema/{theme}", $"/informatie/{item.Slug}", "/zoeken?q=thuiszitter",
            "/zoeken?q=qxjzqqxjz", "/zoeken?voor=jongeren&q=pesten", "/contact", "/sociale-kaart", $"/sociale-kaart?gemeente=Gemeente-{tenant.Slug}",
            "/bij-wie-moet-je-zijn", "/over-ons", "/privacy", "/toegankelijkheid", "/vraag-stellen", "/vertel", "/gesprek", asked.LinkPath[tenant.Path("").Length..],
            "/jullie-zeiden-wij-deden", "/account/inloggen", "/fout/400", "/fout/413", "/fout/503", "/bestaat-niet",
        })
        {
            await GetAsync(visitor, tenant.Path(path));
        }

        // Every public form in its error state, and after success.
        var empty = new Dictionary<string, string> { ["Input.Text"] = "", ["Input.SharesHealth"] = "ja" };
        await PostAsync(visitor, tenant.Path("/vraag-stellen"), tenant.Path("/vraag-stellen"), empty);
        await PostAsync(visitor, tenant.Path("/vraag-stellen"), tenant.Path("/vraag-stellen"), new Dictionary<string, string>(SteunpuntApp.QuestionFields("Goed verstuurd.")) { ["Input.Under16"] = "misschien" });
        await PostAsync(visitor, tenant.Path("/vraag-stellen"), tenant.Path("/vraag-stellen"), SteunpuntApp.QuestionFields("Goed verstuurd."));
        await PostAsync(visitor, tenant.Path("/vertel"), tenant.Path("/vertel"), new Dictionary<string, string> { ["Input.Moment"] = "", ["Input.Feeling"] = "9" });
        await PostAsync(visitor, tenant.Path("/vertel"), tenant.Path("/vertel"), Steunpunt.Tests.Stories.TellingTests.StoryFields("Een verhaal."));
        await PostAsync(visitor, tenant.Path("/gesprek"), tenant.Path("/gesprek?handler=Code"), new Dictionary<string, string> { ["Code"] = "fout" });
        await PostAsync(visitor, tenant.Path("/gesprek"), tenant.Path("/gesprek?handler=Code"), new Dictionary<string, string> { ["Code"] = "ABCDE-FGHJK" });
        await PostAsync(visitor, asked.LinkPath, asked.LinkPath + "?handler=Reply", new Dictionary<string, string> { ["Reply"] = "" });
        await PostAsync(app.Anonymous(), tenant.Path("/account/inloggen"), tenant.Path("/account/inloggen"), new Dictionary<string, string> { ["Input.Email"] = "x", ["Input.Password"] = "" });

        // The pages staff, editors and the board work on, with their forms in an error state.
        var staff = await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator]);
        var caseId = await app.WithDbAsync(tenant.Id, db => db.Cases.Select(c => c.Id).FirstAsync());
        var storyId = await app.WithDbAsync(tenant.Id, db => db.Stories.Select(s => s.Id).FirstAsync());
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.Signals.Add(new Signal { Title = "Een signaal", Status = SignalStatus.VoorgelegdAanBestuur });
            db.Signals.Add(new Signal { Title = "Een teruggekoppeld signaal", Status = SignalStatus.Teruggekoppeld });
            await db.SaveChangesAsync();
        });
        var signalId = await app.WithDbAsync(tenant.Id, db => db.Signals.Where(s => s.Status == SignalStatus.VoorgelegdAanBestuur).Select(s => s.Id).FirstAsync());
        var fedBackId = await app.WithDbAsync(tenant.Id, db => db.Signals.Where(s => s.Status == SignalStatus.Teruggekoppeld).Select(s => s.Id).FirstAsync());
        foreach (var path in new[]
        {
            "/postvak", "/postvak?lijst=afgerond", $"/postvak/zaak/{caseId}", "/postvak/nieuw-contact", "/postvak/sjablonen", "/postvak/logboek", "/postvak/team",
            "/postvak/verhalen", $"/postvak/verhalen/{storyId}", "/postvak/signalen", $"/postvak/signalen/{signalId}", "/rapportage", "/rapportage/signalen",
            "/postvak/leidraad",
        })
        {
            await GetAsync(staff.Client, tenant.Path(path));
        }
        await PostAsync(staff.Client, tenant.Path($"/postvak/zaak/{caseId}"), tenant.Path($"/postvak/zaak/{caseId}?handler=Reply"), new Dictionary<string, string> { ["Reply"] = "" });
        await PostAsync(staff.Client, tenant.Path("/postvak/nieuw-contact"), tenant.Path("/postvak/nieuw-contact"), new Dictionary<string, string> { ["Input.Summary"] = "" });
        await PostAsync(staff.Client, tenant.Path("/postvak/team"), tenant.Path("/postvak/team?handler=Invite"), new Dictionary<string, string> { ["Input.Email"] = "geen" });
        await PostAsync(staff.Client, tenant.Path("/postvak/leidraad"), tenant.Path("/postvak/leidraad"), new Dictionary<string, string> { ["Code"] = "A3", ["Status"] = "7" });
        await PostAsync(staff.Client, tenant.Path($"/postvak/verhalen/{storyId}"), tenant.Path($"/postvak/verhalen/{storyId}"), new Dictionary<string, string> { ["Parts[0]"] = "Met Daan erin." });
        await PostAsync(staff.Client, tenant.Path($"/postvak/signalen/{signalId}"), tenant.Path($"/postvak/signalen/{signalId}"), new Dictionary<string, string> { ["Input.Title"] = "" });
        await PostAsync(staff.Client, tenant.Path("/rapportage"), tenant.Path("/rapportage?handler=Publish"), new Dictionary<string, string> { ["Summary"] = "" });
        var swv = await app.WithDbAsync(tenant.Id, db => db.Set<Steunpunt.Tenancy.Partnership>().Select(p => p.Id).FirstAsync());
        var board = await app.SignInAsync(await Steunpunt.Tests.Signals.BoardReportTests.BoardMemberAsync(app, tenant, swv), tenant);
        var answer = tenant.Path($"/rapportage/signalen/{signalId}/antwoord");
        await GetAsync(board, answer);
        await PostAsync(board, answer, answer, new Dictionary<string, string> { ["Input.Action"] = "", ["Input.When"] = "" });
        await GetAsync(board, tenant.Path($"/rapportage/signalen/{fedBackId}/antwoord"));
        var editor = await app.SignInAsync(await app.CreateUserAsync(Policies.Editor, tenant), tenant);
        foreach (var path in new[] { "/beheer", "/beheer/item", $"/beheer/item/{item.Id}", "/beheer/begrippen", "/beheer/begrip", "/beheer/contact", "/beheer/zoekvragen", "/beheer/synoniemen", "/beheer/sociale-kaart", "/beheer/pagina/over-ons" })
        {
            await GetAsync(editor, tenant.Path(path));
        }
        await PostAsync(editor, tenant.Path("/beheer/item"), tenant.Path("/beheer/item?handler=Publish"), new Dictionary<string, string> { ["Input.Question"] = "" });
        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        foreach (var path in new[] { "/beheer/steunpunten", "/beheer/steunpunt", $"/beheer/steunpunt/{tenant.Id}", "/beheer/registers" })
        {
            await GetAsync(admin, path);
        }
        await PostAsync(admin, "/beheer/steunpunt", "/beheer/steunpunt", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Slug"] = "css" });
        await PostAsync(admin, $"/beheer/steunpunt/{tenant.Id}", $"/beheer/steunpunt/{tenant.Id}?handler=Invite", new Dictionary<string, string> { ["Coordinator.Email"] = "geen" });

        var problems = pages.SelectMany(p => Problems(p.Value).Select(x => $"{p.Key}: {x}")).ToList();
        Assert.True(pages.Count > 60, $"Only {pages.Count} pages were checked.");
        // The states checked are the ones meant: forms with their error summary, pages with their content.
        Assert.Contains(pages, p => p.Key.StartsWith("POST", StringComparison.Ordinal) && p.Value.Contains("error-summary", StringComparison.Ordinal) && p.Value.Contains("name=\"Input.HealthConsent\"", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Value.Contains("Uw vraag is ontvangen", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Value.Contains("name=\"Parts[0]\"", StringComparison.Ordinal) && p.Value.Contains("Dit lijkt nog op een persoonlijk gegeven", StringComparison.Ordinal));
        Assert.True(pages.Count(p => p.Value.Contains("<form", StringComparison.Ordinal)) > 40);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_check_finds_each_kind_of_defect()
    {
        const string broken = """
            <main>
              <fieldset id="Input_HealthConsent"><input type="checkbox" id="Input_HealthConsent" name="Input.HealthConsent" /><label for="Input_HealthConsent">Toestemming</label></fieldset>
              <label for="nergens">Naam</label>
              <input name="zonder-naam" />
              <select name="keuze"><option>a</option></select>
              <p id="dubbel"></p><p id="dubbel"></p>
              <input aria-describedby="ontbreekt" aria-label="Met naam" name="x" />
              <div class="error-summary"><a href="#weg">Fout</a></div>
              <button type="submit"></button>
            </main>
            """;
        var found = Problems(broken);
        Assert.Contains(found, p => p.Contains("duplicate id 'Input_HealthConsent'", StringComparison.Ordinal));
        Assert.Contains(found, p => p.Contains("label for 'Input_HealthConsent'", StringComparison.Ordinal));
        Assert.Contains(found, p => p.Contains("label for 'nergens'", StringComparison.Ordinal));
        Assert.Contains(found, p => p.Contains("input 'zonder-naam' has no accessible name", StringComparison.Ordinal));
        Assert.Contains(found, p => p.Contains("select 'keuze' has no accessible name", StringComparison.Ordinal));
        Assert.Contains(found, p => p.Contains("duplicate id 'dubbel'", StringComparison.Ordinal));
        Assert.Contains(found, p => p.Contains("aria-describedby 'ontbreekt'", StringComparison.Ordinal));
        Assert.Contains(found, p => p.Contains("link to '#weg'", StringComparison.Ordinal));
        Assert.Contains(found, p => p.Contains("button has no accessible name", StringComparison.Ordinal));
        Assert.Empty(Problems("""<main><label for="a">A</label><input id="a" name="a" /><label>B <input name="b" /></label><button>Zoek</button></main>"""));
    }

    private static readonly string[] s_labelable = ["INPUT", "SELECT", "TEXTAREA", "BUTTON", "METER", "OUTPUT", "PROGRESS"];

    /// <summary>The defects in one page's markup, in words.</summary>
    public static IReadOnlyList<string> Problems(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var problems = new List<string>();
        var ids = document.All.Where(e => e.Id is { Length: > 0 }).GroupBy(e => e.Id!).ToList();
        problems.AddRange(ids.Where(g => g.Count() > 1).Select(g => $"duplicate id '{g.Key}'"));
        var byId = ids.ToDictionary(g => g.Key, g => g.First());

        foreach (var label in document.QuerySelectorAll("label[for]"))
        {
            var target = label.GetAttribute("for")!;
            if (!byId.TryGetValue(target, out var control) || !s_labelable.Contains(control.TagName) || control.GetAttribute("type") == "hidden")
            {
                problems.Add($"label for '{target}' points at no form control");
            }
        }
        foreach (var control in document.QuerySelectorAll("input, select, textarea, button"))
        {
            var type = control.GetAttribute("type") ?? "";
            if (control.TagName == "INPUT" && type is "hidden")
            {
                continue;
            }
            if (!HasName(control, document, byId))
            {
                var what = control.TagName == "BUTTON" || type is "submit" or "button" or "reset" ? "button" : $"{control.TagName.ToLowerInvariant()} '{control.GetAttribute("name")}'";
                problems.Add($"{what} has no accessible name");
            }
        }
        foreach (var element in document.All)
        {
            foreach (var attribute in new[] { "aria-describedby", "aria-labelledby", "aria-controls" })
            {
                foreach (var id in (element.GetAttribute(attribute) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(id => !byId.ContainsKey(id)))
                {
                    problems.Add($"{attribute} '{id}' points nowhere");
                }
            }
        }
        foreach (var link in document.QuerySelectorAll(".error-summary a[href^='#'], a.skip-link[href^='#']"))
        {
            var id = link.GetAttribute("href")![1..];
            if (!byId.ContainsKey(id))
            {
                problems.Add($"link to '#{id}' points nowhere");
            }
        }
        return problems;
    }

    private static bool HasName(IElement control, IDocument document, Dictionary<string, IElement> byId)
    {
        if (!string.IsNullOrWhiteSpace(control.GetAttribute("aria-label")) || !string.IsNullOrWhiteSpace(control.GetAttribute("title")))
        {
            return true;
        }
        if (control.GetAttribute("aria-labelledby") is { } labelledBy
            && labelledBy.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(id => byId.TryGetValue(id, out var l) && l.TextContent.Trim().Length > 0))
        {
            return true;
        }
        if (control.TagName == "BUTTON" && control.TextContent.Trim().Length > 0)
        {
            return true;
        }
        if (control.TagName == "INPUT" && control.GetAttribute("type") is "submit" or "button" or "reset" && !string.IsNullOrWhiteSpace(control.GetAttribute("value")))
        {
            return true;
        }
        if (control.Closest("label") is { } wrapping && wrapping.TextContent.Trim().Length > 0)
        {
            return true;
        }
        return control.Id is { Length: > 0 } id
            && document.QuerySelectorAll("label[for]").Any(l => l.GetAttribute("for") == id && l.TextContent.Trim().Length > 0)
            && byId.TryGetValue(id, out var first) && first == control;
    }
}
