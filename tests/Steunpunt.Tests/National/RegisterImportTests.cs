using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.National.Registers;
using Steunpunt.Tenancy.Registers;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.National;

/// <summary>DUO's registers come in by file: read by header, shown before they are applied, idempotent, and a bad
/// file says which line is wrong and changes nothing.</summary>
public sealed class RegisterImportTests(Apps apps) : IClassFixture<Apps>
{
    private const string SwvHeader = "SAMENWERKINGSVERBAND;NAAM SAMENWERKINGSVERBAND;STRAATNAAM;POSTCODE;PLAATSNAAM";
    private const string SchoolHeader = "PROVINCIE;SAMENWERKINGSVERBAND;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;POSTCODE;PLAATSNAAM;GEMEENTENAAM;SOORT PO;AANTAL LEERLINGEN";

    [Fact]
    public void Columns_are_found_by_their_header_in_any_order_and_codes_are_read_as_DUO_writes_them()
    {
        var swvs = RegisterFile.Parse("PLAATSNAAM;Naam samenwerkingsverband;Samenwerkingsverband\nTiel;SWV Rivierenland PO;PO3002\nTiel;\"SWV Rivierenland; VO\";VO 30-02\n");
        Assert.Equal(RegisterFile.Kind.Samenwerkingsverbanden, swvs.Kind);
        Assert.Equal([new RegisterFile.Swv("PO 30.02", "SWV Rivierenland PO", Sector.PO, "Tiel"), new RegisterFile.Swv("VO 30.02", "SWV Rivierenland; VO", Sector.VO, "Tiel")], swvs.Swvs);

        var schools = RegisterFile.Parse($"{SchoolHeader}\nGelderland;PO 30.02;12AB;12AB01;De Regenboog;4001ab;TIEL;Tiel;SBAS;212\nGelderland;PO 30.02;34CD;00;Het Anker;4002 CD;TIEL;Tiel;BAS;\n");
        Assert.Equal(RegisterFile.Kind.Scholen, schools.Kind);
        Assert.Equal(new RegisterFile.School("12AB", "01", "De Regenboog", "TIEL", "4001 AB", "Tiel", SchoolPhases.SBO, 212, "PO 30.02"), schools.Schools[0]);
        Assert.Equal((SchoolPhases.PO, (int?)null), (schools.Schools[1].Phase, schools.Schools[1].Pupils));
    }

    [Theory]
    [InlineData("NAAM;PLAATSNAAM\nSWV;Tiel", "mist de kolom ‘SAMENWERKINGSVERBAND’")]
    [InlineData(SwvHeader + "\nPO 30.02;SWV A;;;Tiel\nPO 30.03;SWV B;;;Tiel\nXX 12;SWV C;;;Tiel", "Regel 4: ‘XX 12’ is geen code")]
    [InlineData(SwvHeader + "\nPO 30.02;SWV A;;;Tiel\nPO3002;SWV B;;;Tiel", "Regel 3: PO 30.02 staat er twee keer in")]
    [InlineData(SchoolHeader + "\nG;PO 30.02;12AB;01;School;4001 AB;Tiel;Tiel;BAS;10\nG;PO 30.02;1234;01;School;4001 AB;Tiel;Tiel;BAS;10", "Regel 3: ‘1234’ is geen BRIN-nummer")]
    [InlineData(SchoolHeader + "\nG;PO 30.02;12AB;01;School;40011;Tiel;Tiel;BAS;10", "Regel 2: ‘40011’ is geen postcode")]
    [InlineData(SchoolHeader + "\nG;PO 30.02;12AB;01;School;4001 AB;Tiel;Tiel;BAS;veel", "Regel 2: het aantal leerlingen ‘veel’ is geen getal")]
    [InlineData(SwvHeader, "geen regels onder de kolomnamen")]
    public void A_file_that_does_not_fit_is_refused_with_the_line(string file, string message)
    {
        var problem = Assert.Throws<RegisterFile.ProblemException>(() => RegisterFile.Parse(file));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_files_are_read_as_well_as_UTF8()
    {
        var text = $"{SwvHeader}\nPO 30.02;Samenwerkingsverband Passend Primair Onderwijs ’s-Hertogenbosch é;;;Den Bosch\n";
        Assert.Equal(text, RegisterFile.Decode(Encoding.UTF8.GetBytes(text)));
        var latin = "SAMENWERKINGSVERBAND;NAAM\nPO 30.02;Café\n";
        Assert.Equal(latin, RegisterFile.Decode(Encoding.Latin1.GetBytes(latin)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_national_register_is_previewed_applied_once_and_updated_with_exactly_what_changed(string provider)
    {
        var app = await apps.ForAsync(provider);
        var admin = await app.SignInAsync(await app.CreateAccountAsync(null, "Beheer", Policies.NationalAdmin), null);
        var (swvFile, schoolFile) = NationalFiles(swvs: 150, schools: 9000);

        // A bad file: the line, and nothing changed.
        var bad = await UploadAsync(admin, "scholen.csv", schoolFile.Replace(";4100 AB;", ";41000;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("is geen postcode", bad.Text, StringComparison.Ordinal);
        Assert.Contains("Er is niets veranderd", bad.Text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(null, db => db.RegisterSchools.CountAsync()));

        // First the SWVs, then the schools: each previewed, then applied.
        var swvPreview = await UploadAsync(admin, "swv.csv", swvFile);
        Assert.Contains("Nieuw: 150. Gewijzigd: 0. Niet meer in het bestand, dus gesloten: 0.", swvPreview.Text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(null, db => db.RegisterSwvs.CountAsync()));
        await ApplyAsync(admin, swvPreview.Html);
        var preview = await UploadAsync(admin, "scholen.csv", schoolFile);
        Assert.Contains("Nieuw: 9000. Gewijzigd: 0.", preview.Text, StringComparison.Ordinal);
        await ApplyAsync(admin, preview.Html);
        Assert.Equal((150, 9000), (await app.WithDbAsync(null, db => db.RegisterSwvs.CountAsync()), await app.WithDbAsync(null, db => db.RegisterSchools.CountAsync())));

        // The same file again changes nothing.
        var again = await UploadAsync(admin, "scholen.csv", schoolFile);
        Assert.Contains("Dit bestand verandert niets", again.Text, StringComparison.Ordinal);

        // One renamed, one gone, one new: exactly those.
        var lines = schoolFile.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines[1] = lines[1].Replace("Basisschool 00000", "Kindcentrum De Horizon", StringComparison.Ordinal);
        var gone = lines[2];
        lines.RemoveAt(2);
        lines.Add("Gelderland;PO 40.01;99ZZ;00;Nieuwe School;4999 ZZ;Nieuwdorp;Nieuwdorp;BAS;80");
        var update = await UploadAsync(admin, "scholen.csv", string.Join('\n', lines));
        Assert.Contains("Nieuw: 1. Gewijzigd: 1. Niet meer in het bestand, dus gesloten: 1.", update.Text, StringComparison.Ordinal);
        Assert.Contains("Basisschool 00000 → Kindcentrum De Horizon", update.Text, StringComparison.Ordinal);
        await ApplyAsync(admin, update.Html);
        var goneKey = gone.Split(';')[2];
        Assert.NotNull(await app.WithDbAsync(null, db => db.RegisterSchools.Where(s => s.Brin == goneKey).Select(s => s.ClosedAt).SingleAsync()));
        Assert.Equal(9000, await app.WithDbAsync(null, db => db.RegisterSchools.CountAsync(s => s.ClosedAt == null)));
        Assert.Equal("Kindcentrum De Horizon", await app.WithDbAsync(null, db => db.RegisterSchools.Where(s => s.Brin == "00AA").Select(s => s.Name).SingleAsync()));
    }

    /// <summary>Files in DUO's layout at national size: SWVs PO/VO 40.01…, schools spread over the PO SWVs.</summary>
    public static (string Swvs, string Schools) NationalFiles(int swvs, int schools)
    {
        var swv = new StringBuilder(SwvHeader + "\n");
        for (var i = 0; i < swvs; i++)
        {
            var sector = i % 2 == 0 ? "PO" : "VO";
            swv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{sector} {40 + (i / 2 / 99)}.{(i / 2 % 99) + 1:00};Samenwerkingsverband Regio {i / 2:000} {sector};Straat 1;4000 AA;Plaats {i / 2:000}\n");
        }
        var school = new StringBuilder(SchoolHeader + "\n");
        for (var i = 0; i < schools; i++)
        {
            var region = i % (swvs / 2);
            var brin = $"{i / 676 % 100:00}{(char)('A' + (i / 26 % 26))}{(char)('A' + (i % 26))}";
            school.Append(System.Globalization.CultureInfo.InvariantCulture, $"Gelderland;PO {40 + (region / 99)}.{(region % 99) + 1:00};{brin};00;Basisschool {i:00000};{4100 + (i % 800)} AB;Plaats {region:000};Gemeente {region:000};BAS;{100 + (i % 300)}\n");
        }
        return (swv.ToString(), school.ToString());
    }

    private static async Task<(HttpStatusCode Status, string Html, string Text)> UploadAsync(HttpClient client, string name, string content)
    {
        var page = await client.GetStringAsync("/beheer/registers");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SteunpuntApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", name },
        };
        var response = await client.PostAsync("/beheer/registers?handler=Upload", form);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, html, Html.Text(html));
    }

    private static async Task ApplyAsync(HttpClient client, string previewHtml)
    {
        var id = System.Text.RegularExpressions.Regex.Match(previewHtml, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(id);
        var response = await client.PostAsync("/beheer/registers?handler=Apply", SteunpuntApp.FormFrom(previewHtml, ("upload", id)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
