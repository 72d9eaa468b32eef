using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Tenancy;

/// <summary>A parent finds their steunpunt from what they know: a postcode, the school and its place, the BRIN
/// number, or the gemeente, also with a typo; a steunpunt in oprichting is never found.</summary>
public sealed class FinderTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_finder_forgives_and_uses_the_registers(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tiel = await app.CreateTenantAsync("Steunpunt Betuwe");
        var culemborg = await app.CreateTenantAsync("Steunpunt Lek");
        var hidden = await app.CreateTenantAsync("Steunpunt Geheim");
        await app.WithDbAsync(null, async db =>
        {
            foreach (var (tenant, code) in new[] { (tiel, "PO 77.01"), (culemborg, "PO 77.02"), (hidden, "PO 77.03") })
            {
                var swv = await db.Set<Partnership>().IgnoreQueryFilters([SteunpuntDb.TenantFilter]).FirstAsync(p => p.TenantId == tenant.Id);
                swv.Code = code;
            }
            (await db.Tenants.SingleAsync(t => t.Id == hidden.Id)).InOprichting = true;
            db.RegisterSchools.AddRange(
                School("77AA", "De Regenboog", "TIEL", "4001 AB", "Tiel", "PO 77.01"),
                School("77AB", "Het Anker", "TIEL", "4002 CD", "Tiel", "PO 77.01"),
                School("77AC", "De Regenboog", "CULEMBORG", "4101 AA", "Culemborg", "PO 77.02"),
                School("77AD", "Kindcentrum Verborgen", "GEHEIMDORP", "4201 AA", "Geheimdorp", "PO 77.03"),
                School("77AE", "De Gesloten School", "TIEL", "4003 AA", "Tiel", "PO 77.01", closed: true));
            await db.SaveChangesAsync();
        });
        var client = app.Anonymous();
        async Task<string[]> Found(string query)
        {
            var main = Html.MainOf(await client.GetStringAsync($"/?zoek={Uri.EscapeDataString(query)}"));
            return [.. new[] { tiel, culemborg, hidden }.Where(t => main.Contains(t.Name, StringComparison.Ordinal)).Select(t => t.Name)];
        }

        Assert.Equal(["Steunpunt Betuwe"], await Found("4001"));
        Assert.Equal(["Steunpunt Betuwe"], await Found("4002 cd"));
        Assert.Equal(["Steunpunt Lek"], await Found("77ac"));
        Assert.Equal(["Steunpunt Betuwe", "Steunpunt Lek"], await Found("regenboog"));
        Assert.Equal(["Steunpunt Betuwe"], await Found("Regenboog Tiel"));
        Assert.Equal(["Steunpunt Lek"], await Found("de regenboog culemborg"));
        Assert.Equal(["Steunpunt Lek"], await Found("Culemborgg"));
        Assert.Equal(["Steunpunt Lek"], await Found("Cuelmborg"));
        Assert.Equal(["Steunpunt Betuwe"], await Found("tiel"));
        Assert.Empty(await Found("Geheimdorp"));
        Assert.Empty(await Found("4201"));
        Assert.Empty(await Found("Kindcentrum Verborgen"));
        Assert.Empty(await Found("4003"));
        Assert.Contains("De Regenboog in Tiel", Html.Text(await client.GetStringAsync("/?zoek=regenboog+tiel")), StringComparison.Ordinal);
        // The list of all steunpunten says which gemeenten each serves, and leaves out the one in oprichting.
        var all = await client.GetStringAsync("/steunpunten");
        Assert.Contains($">Steunpunt Betuwe</a><br /><span class=\"muted\">Voor Gemeente-{tiel.Slug}</span>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Steunpunt Geheim", all, StringComparison.Ordinal);
    }

    private static RegisterSchool School(string brin, string name, string place, string postcode, string gemeente, string swv, bool closed = false) =>
        new()
        {
            Brin = brin,
            Vestiging = "00",
            Name = name,
            Place = place,
            Postcode = postcode,
            Gemeente = gemeente,
            SwvCode = swv,
            Phase = SchoolPhases.PO,
            ClosedAt = closed ? DateTimeOffset.UnixEpoch : null,
        };
}
