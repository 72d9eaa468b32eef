using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Information;
using Steunpunt.Information.Releases;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>The read-only JSON API: described by OpenAPI, every described path answers in the described shape, the
/// regional layer is applied as on the pages, and nothing unpublished or personal ever comes out.</summary>
public sealed class InformationApiTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_path_in_the_openapi_description_answers_in_the_described_shape(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var own = await app.AddItemAsync(tenant, "Hoe werkt de plusklas in onze regio?", "Vraag het de school.");
        var client = app.Anonymous();

        // Per site: its description, and a real answer to fill in where a path needs one.
        var sites = new[] { (Prefix: "", Slug: "wat-is-een-tlv", Contact: false), (Prefix: "/" + tenant.Slug, Slug: own.Slug, Contact: true) };
        foreach (var site in sites)
        {
            var response = await client.GetAsync(site.Prefix + "/api/openapi.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = document.RootElement;
            Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
            var server = root.GetProperty("servers")[0].GetProperty("url").GetString()!;
            Assert.Equal(app.PublicBaseAddress + site.Prefix, server);
            var paths = root.GetProperty("paths").EnumerateObject().ToList();
            Assert.Equal(site.Contact, paths.Any(p => p.Name == "/api/contact"));
            Assert.True(paths.Count >= (site.Contact ? 5 : 4), $"{site.Prefix}: {paths.Count} paths");
            foreach (var path in paths)
            {
                var get = path.Value.GetProperty("get");
                var url = new Uri(server + path.Name.Replace("{slug}", site.Slug, StringComparison.Ordinal)).PathAndQuery;
                var answer = await client.GetAsync(url);
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{url}: {(int)answer.StatusCode}");
                Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
                var schema = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
                using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
                AssertShape(root, schema, body.RootElement, url);
            }
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_api_shows_the_answers_with_the_regional_layer_as_the_pages_do(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var supplemented = await app.AddItemAsync(null, "Landelijke vraag met aanvulling?", "Landelijk antwoord A.");
        var replaced = await app.AddItemAsync(null, "Landelijke vraag die wordt vervangen?", "Landelijk antwoord B.");
        var hidden = await app.AddItemAsync(null, "Landelijke vraag die verborgen is?", "Landelijk antwoord C.");
        await app.AddItemAsync(tenant, "", "", layer: ContentLayer.Supplement, nationalItemId: supplemented.Id, supplement: "In onze regio bel je het **loket**.");
        await app.AddItemAsync(tenant, "Eigen vraag van de regio?", "Zo werkt het hier.", layer: ContentLayer.Override, nationalItemId: replaced.Id);
        await app.AddItemAsync(tenant, "", "", layer: ContentLayer.Hidden, nationalItemId: hidden.Id);
        var client = app.Anonymous();

        var list = await GetJsonAsync(client, tenant.Path("/api/informatie"));
        var slugs = list.EnumerateArray().Select(a => a.GetProperty("slug").GetString()).ToList();
        Assert.DoesNotContain(hidden.Slug, slugs);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(tenant.Path($"/api/informatie/{hidden.Slug}"))).StatusCode);
        Assert.Equal(hidden.Question, (await GetJsonAsync(client, $"/api/informatie/{hidden.Slug}")).GetProperty("question").GetString());

        var withSupplement = await GetJsonAsync(client, tenant.Path($"/api/informatie/{supplemented.Slug}"));
        Assert.Equal("In onze regio bel je het **loket**.", withSupplement.GetProperty("regionalSupplement").GetString());
        Assert.Equal("landelijk", withSupplement.GetProperty("origin").GetString());
        Assert.Equal(JsonValueKind.Null, (await GetJsonAsync(client, $"/api/informatie/{supplemented.Slug}")).GetProperty("regionalSupplement").ValueKind);

        var own = await GetJsonAsync(client, tenant.Path($"/api/informatie/{replaced.Slug}"));
        Assert.Equal(("Eigen vraag van de regio?", "Zo werkt het hier.", "regionaal-aangepast"),
            (own.GetProperty("question").GetString(), own.GetProperty("shortAnswer").GetString(), own.GetProperty("origin").GetString()));
        // The page shows the same question, at the address the API gives.
        var page = await client.GetStringAsync(new Uri(own.GetProperty("url").GetString()!).PathAndQuery);
        Assert.Contains("<h1>Eigen vraag van de regio?</h1>", page, StringComparison.Ordinal);
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("slug").GetString() == supplemented.Slug && a.GetProperty("hasRegionalSupplement").GetBoolean());

        // Contact: the steunpunt's own details; the national site has none.
        var contact = await GetJsonAsync(client, tenant.Path("/api/contact"));
        Assert.Equal((tenant.Name, "0123 00 00 00"), (contact.GetProperty("name").GetString(), contact.GetProperty("phone").GetString()));
        Assert.Equal("maandag", contact.GetProperty("openingHours")[0].GetProperty("day").GetString());
        var national = await client.GetAsync("/api/contact");
        Assert.Equal(HttpStatusCode.NotFound, national.StatusCode);
        Assert.Equal("application/problem+json", national.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_api_never_shows_drafts_waiting_changes_questions_or_stories(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var published = await app.AddItemAsync(tenant, "Gepubliceerde vraag over de overstap?", "Gepubliceerd antwoord.");
        var national = await app.AddItemAsync(null, "Landelijke vraag met een wijziging in een deel?", "Het huidige landelijke antwoord.");
        const string Draft = "Conceptvraag die nog niet af is?";
        const string DraftTerm = "Conceptbegrip";
        const string Waiting = "Voorgestelde nieuwe tekst die nog in een deel wacht";
        await app.WithDbAsync(tenant.Id, async db =>
        {
            db.FaqItems.Add(new FaqItem { Slug = "concept-" + Guid.NewGuid().ToString("N")[..8], ThemeCode = "T07", Question = Draft, ShortAnswer = Draft, Status = ContentStatus.Draft });
            db.GlossaryTerms.Add(new GlossaryTerm { Slug = "conceptbegrip-" + Guid.NewGuid().ToString("N")[..8], Term = DraftTerm, Definition = DraftTerm, Status = ContentStatus.Draft });
            db.Set<InformationRelease>().Add(new InformationRelease
            {
                Number = Random.Shared.Next(100_000, int.MaxValue),
                Title = "Wijzigingen die nog wachten",
                Status = ReleaseStatus.Concept,
                Changes = [new ReleaseChange { FaqItemId = national.Id, Question = Waiting, ProposedJson = JsonSerializer.Serialize(new { Question = Waiting, ShortAnswer = Waiting }) }],
            });
            await db.SaveChangesAsync();
        });
        await app.PublishedAsync(tenant.Id);
        const string AskedText = "Mijn dochter Fenna mag na de kerstvakantie niet meer terugkomen op school.";
        await app.AskQuestionAsync(tenant, AskedText);
        var teller = app.Anonymous();
        var form = await teller.GetStringAsync(tenant.Path("/vertel"));
        const string StoryMoment = "Bij het gesprek over het groeidocument van Sem in maart.";
        var told = await teller.PostAsync(tenant.Path("/vertel"), SteunpuntApp.FormWithHidden(form, Stories.TellingTests.StoryFields(StoryMoment)));
        Assert.Equal(HttpStatusCode.OK, told.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(tenant.Id, db => db.Set<Steunpunt.Stories.Story>().CountAsync()));
        var client = app.Anonymous();

        var everything = new List<string>();
        foreach (var path in new[] { "/api/themas", "/api/informatie", "/api/begrippen", "/api/contact", $"/api/informatie/{national.Slug}", $"/api/informatie/{published.Slug}", "/api/openapi.json" })
        {
            everything.Add(Unescaped(await GetJsonAsync(client, tenant.Path(path))));
        }
        var text = string.Join("\n", everything);
        // The check can fail: what is published is there, with the national item's current text.
        Assert.Contains(published.Question, text, StringComparison.Ordinal);
        Assert.Contains("Het huidige landelijke antwoord.", text, StringComparison.Ordinal);
        foreach (var secret in new[] { Draft, DraftTerm, Waiting, AskedText, "Fenna", StoryMoment, "Ik kon niet meer werken." })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The JSON as text with its escapes undone, so a search cannot miss "é" written as \u00e9.</summary>
    private static string Unescaped(JsonElement json) => JsonSerializer.Serialize(json, s_unescaped);

    private static readonly JsonSerializerOptions s_unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The value has the schema's type; an object has exactly the described properties, each of its type; an
    /// array is not empty and each item has the item schema's shape.</summary>
    private static void AssertShape(JsonElement document, JsonElement schema, JsonElement value, string where)
    {
        schema = Resolve(document, schema);
        var types = Types(schema);
        if (types.Contains("array"))
        {
            Assert.True(value.ValueKind == JsonValueKind.Array, $"{where}: an array was described, {value.ValueKind} came");
            Every.Item(value.EnumerateArray(), item => AssertObject(document, schema.GetProperty("items"), item, where + "[]"));
            return;
        }
        AssertObject(document, schema, value, where);
    }

    private static void AssertObject(JsonElement document, JsonElement schema, JsonElement value, string where)
    {
        schema = Resolve(document, schema);
        Assert.True(value.ValueKind == JsonValueKind.Object, $"{where}: an object was described, {value.ValueKind} came");
        var described = schema.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => Resolve(document, p.Value));
        Assert.Equal(described.Keys.Order(StringComparer.Ordinal), value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var property in value.EnumerateObject())
        {
            var allowed = Types(described[property.Name]);
            if (allowed.Count == 0)
            {
                continue; // a reference to a shape of its own (e.g. a nullable object): no single type to compare
            }
            var kind = property.Value.ValueKind switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => "number",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                JsonValueKind.Array => "array",
                JsonValueKind.Object => "object",
                _ => "null",
            };
            Assert.True(allowed.Contains(kind) || (kind == "number" && allowed.Contains("integer")),
                $"{where}.{property.Name}: {kind}, described as {string.Join("|", allowed)}");
        }
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/components/schemas/".Length..];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    private static List<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? (schema.TryGetProperty("properties", out _) ? ["object"] : [])
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];
}
