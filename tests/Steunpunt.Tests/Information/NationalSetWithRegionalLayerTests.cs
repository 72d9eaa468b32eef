using System.Net;
using Steunpunt.Information;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

public sealed class NationalSetWithRegionalLayerTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_national_item_appears_in_every_steunpunt_without_copying(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        var national = await app.AddItemAsync(null, $"Landelijke vraag {Guid.NewGuid():N}", "Een landelijk antwoord.");

        var client = app.Anonymous();
        foreach (var tenant in new[] { a, b })
        {
            var html = await client.GetStringAsync(tenant.Path($"/informatie/{national.Slug}"));
            Assert.Contains(national.Question, html, StringComparison.Ordinal);
            Assert.Contains("Landelijke informatie", html, StringComparison.Ordinal);
            Assert.DoesNotContain("In onze regio", html, StringComparison.Ordinal);
        }
        var rows = await app.WithDbAsync(null, db => Task.FromResult(db.FaqItems.Count(f => f.Slug == national.Slug)));
        Assert.Equal(1, rows);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_regional_supplement_shows_under_the_national_text_in_that_steunpunt_only(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        var national = await app.AddItemAsync(null, $"Vraag met aanvulling {Guid.NewGuid():N}", "Landelijk kort antwoord.", explanation: "Landelijke uitleg.");
        await app.AddItemAsync(a, "", "", layer: ContentLayer.Supplement, nationalItemId: national.Id, supplement: "In regio A bel je het **loket A**.");

        var client = app.Anonymous();
        var inA = Html.MainOf(await client.GetStringAsync(a.Path($"/informatie/{national.Slug}")));
        Assert.Contains("Landelijke uitleg.", inA, StringComparison.Ordinal);
        Assert.Contains("In onze regio", inA, StringComparison.Ordinal);
        Assert.Contains("<strong>loket A</strong>", inA, StringComparison.Ordinal);
        Assert.True(inA.IndexOf("Landelijke uitleg.", StringComparison.Ordinal) < inA.IndexOf("loket A", StringComparison.Ordinal));
        Assert.Contains("Landelijke informatie", inA, StringComparison.Ordinal);
        Assert.Contains("Informatie uit onze regio", inA, StringComparison.Ordinal);

        var inB = Html.MainOf(await client.GetStringAsync(b.Path($"/informatie/{national.Slug}")));
        Assert.DoesNotContain("loket A", inB, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_override_replaces_the_national_text_in_that_steunpunt_only(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        var national = await app.AddItemAsync(null, $"Landelijke titel {Guid.NewGuid():N}", "Landelijk antwoord dat A vervangt.");
        await app.AddItemAsync(a, "Eigen titel van regio A", "Zo werkt het in regio A.", layer: ContentLayer.Override, nationalItemId: national.Id);

        var client = app.Anonymous();
        var inA = Html.MainOf(await client.GetStringAsync(a.Path($"/informatie/{national.Slug}")));
        Assert.Contains("Eigen titel van regio A", inA, StringComparison.Ordinal);
        Assert.Contains("Zo werkt het in regio A.", inA, StringComparison.Ordinal);
        Assert.DoesNotContain("Landelijk antwoord dat A vervangt.", inA, StringComparison.Ordinal);
        Assert.Contains("aangepast voor onze regio", inA, StringComparison.Ordinal);

        var inB = Html.MainOf(await client.GetStringAsync(b.Path($"/informatie/{national.Slug}")));
        Assert.Contains("Landelijk antwoord dat A vervangt.", inB, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_hidden_national_item_disappears_from_that_steunpunt_only(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        var national = await app.AddItemAsync(null, $"Verborgen in A {Guid.NewGuid():N}", "Kort.", theme: "T11");
        await app.AddItemAsync(a, "", "", layer: ContentLayer.Hidden, nationalItemId: national.Id);

        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(a.Path($"/informatie/{national.Slug}"))).StatusCode);
        Assert.DoesNotContain(national.Question, await client.GetStringAsync(a.Path("/thema/leerlingenvervoer")), StringComparison.Ordinal);
        Assert.Contains(national.Question, await client.GetStringAsync(b.Path("/thema/leerlingenvervoer")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(b.Path($"/informatie/{national.Slug}"))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_changed_national_item_reaches_every_steunpunt_at_once(string provider)
    {
        var app = await apps.ForAsync(provider);
        var a = await app.CreateTenantAsync();
        var national = await app.AddItemAsync(null, $"Wordt aangepast {Guid.NewGuid():N}", "Oude tekst.");
        var client = app.Anonymous();
        Assert.Contains("Oude tekst.", await client.GetStringAsync(a.Path($"/informatie/{national.Slug}")), StringComparison.Ordinal);

        await app.WithDbAsync(null, async db =>
        {
            var row = await db.FaqItems.FindAsync(national.Id);
            row!.ShortAnswer = "Nieuwe landelijke tekst.";
            await db.SaveChangesAsync();
        });
        await app.PublishedAsync();
        Assert.Contains("Nieuwe landelijke tekst.", await client.GetStringAsync(a.Path($"/informatie/{national.Slug}")), StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_keeps_national_order_of_precedence()
    {
        var tenant = Guid.NewGuid();
        var other = Guid.NewGuid();
        var n1 = new FaqItem { Slug = "n1", ThemeCode = "T01", Question = "N1", Status = ContentStatus.Published };
        var n2 = new FaqItem { Slug = "n2", ThemeCode = "T01", Question = "N2", Status = ContentStatus.Published };
        var n3 = new FaqItem { Slug = "n3", ThemeCode = "T02", Question = "N3", Status = ContentStatus.Published };
        var rows = new[]
        {
            n1, n2, n3,
            new FaqItem { TenantId = tenant, NationalItemId = n1.Id, Layer = ContentLayer.Hidden },
            new FaqItem { TenantId = tenant, NationalItemId = n2.Id, Layer = ContentLayer.Override, Question = "Eigen N2" },
            new FaqItem { TenantId = other, NationalItemId = n3.Id, Layer = ContentLayer.Hidden },
            new FaqItem { TenantId = tenant, Slug = "own", ThemeCode = "T03", Question = "Eigen" },
        };
        var merged = InformationCatalog.Merge(rows, tenant);
        Assert.Equal(["Eigen N2", "N3", "Eigen"], merged.Select(a => a.Question));
        Assert.True(merged[0].IsReplaced);
        Assert.False(merged[2].IsNational);
    }
}
