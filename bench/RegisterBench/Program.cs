using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.National.Registers;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

// DUO's registers at national size: 150 SWVs (75 PO, 75 VO) and 9,000 schools in DUO's CSV layout, imported as the
// administrator does (read, preview, apply), then the same file again (preview: nothing changes), then finder
// queries against 75 steunpunten. Prints the times.
// Usage: RegisterBench <Sqlite|Postgres> <connection string>
var (provider, connection) = (args[0], args[1]);
ProtectedText.UseKey(RandomNumberGenerator.GetBytes(32));
const int Regions = 75, Schools = 9000;

SteunpuntDb Open() => provider == "Postgres"
    ? new PostgresSteunpuntDb(new DbContextOptionsBuilder<PostgresSteunpuntDb>().UseNpgsql(connection).Options, new CurrentTenant(), TimeProvider.System)
    : new SqliteSteunpuntDb(new DbContextOptionsBuilder<SqliteSteunpuntDb>().UseSqlite(connection).Options, new CurrentTenant(), TimeProvider.System);

var inv = CultureInfo.InvariantCulture;
var swvFile = new StringBuilder("SAMENWERKINGSVERBAND;NAAM SAMENWERKINGSVERBAND;STRAATNAAM;POSTCODE;PLAATSNAAM\n");
var schoolFile = new StringBuilder("PROVINCIE;SAMENWERKINGSVERBAND;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;POSTCODE;PLAATSNAAM;GEMEENTENAAM;SOORT PO;AANTAL LEERLINGEN\n");
string Code(string sector, int region) => $"{sector} {40 + (region / 99)}.{(region % 99) + 1:00}";
for (var r = 0; r < Regions; r++)
{
    swvFile.Append(inv, $"{Code("PO", r)};Samenwerkingsverband Regio {r:000} PO;Straat 1;4000 AA;Plaats {r:000}\n");
    swvFile.Append(inv, $"{Code("VO", r)};Samenwerkingsverband Regio {r:000} VO;Straat 1;4000 AA;Plaats {r:000}\n");
}
for (var i = 0; i < Schools; i++)
{
    var region = i % Regions;
    var sector = i % 3 == 0 ? "VO" : "PO";
    var brin = $"{i / 676 % 100:00}{(char)('A' + (i / 26 % 26))}{(char)('A' + (i % 26))}";
    schoolFile.Append(inv, $"Provincie;{Code(sector, region)};{brin};00;{(sector == "PO" ? "Basisschool" : "College")} {i:00000};{1000 + (i % 8900)} AB;PLAATS {region:000};Gemeente {region:000};{(sector == "PO" ? "BAS" : "VO")};{100 + (i % 900)}\n");
}
Console.WriteLine($"{provider}: files of {Encoding.UTF8.GetByteCount(swvFile.ToString()) / 1024} KB (SWVs) and {Encoding.UTF8.GetByteCount(schoolFile.ToString()) / 1024} KB (schools)");

await using (var db = Open())
{
    await db.Database.MigrateAsync();
    for (var r = 0; r < Regions; r++)
    {
        var tenant = new Tenant { Slug = $"regio-{r:000}", Name = $"Steunpunt Regio {r:000}" };
        tenant.Partnerships.Add(new Partnership { Name = $"Regio {r:000} PO", Code = Code("PO", r), Sector = Sector.PO });
        tenant.Partnerships.Add(new Partnership { Name = $"Regio {r:000} VO", Code = Code("VO", r), Sector = Sector.VO });
        db.Tenants.Add(tenant);
    }
    await db.SaveChangesAsync();
}

async Task<(double Read, double Preview, double Apply, RegisterImport.Preview Result)> ImportAsync(string text, bool apply)
{
    await using var db = Open();
    var import = new RegisterImport(db, TimeProvider.System);
    var watch = Stopwatch.StartNew();
    var parsed = RegisterFile.Parse(text);
    var read = watch.Elapsed.TotalMilliseconds;
    var preview = await import.PreviewAsync(parsed, default);
    var previewed = watch.Elapsed.TotalMilliseconds;
    if (apply)
    {
        await import.ApplyAsync(parsed, default);
    }
    return (read, previewed - read, watch.Elapsed.TotalMilliseconds - previewed, preview);
}

var swvs = await ImportAsync(swvFile.ToString(), apply: true);
Console.WriteLine($"{provider}: SWV file: read {swvs.Read:F0} ms, preview {swvs.Preview:F0} ms, apply {swvs.Apply:F0} ms ({swvs.Result.Added.Count} added)");
var first = await ImportAsync(schoolFile.ToString(), apply: true);
Console.WriteLine($"{provider}: school file, first import: read {first.Read:F0} ms, preview {first.Preview:F0} ms, apply {first.Apply:F0} ms ({first.Result.Added.Count} added); total {first.Read + first.Preview + first.Apply:F0} ms");
var again = await ImportAsync(schoolFile.ToString(), apply: false);
Console.WriteLine($"{provider}: the same school file again: read {again.Read:F0} ms, preview {again.Preview:F0} ms (changes: {again.Result.Added.Count + again.Result.Changed.Count + again.Result.Closed.Count})");

foreach (var query in new[] { "1234", "basisschool 00043 plaats 043", "Gemeente 017", "Gemeentte 017", "00AB" })
{
    var times = new List<double>();
    var found = 0;
    for (var run = 0; run < 22; run++)
    {
        await using var db = Open();
        var watch = Stopwatch.StartNew();
        found = (await new SteunpuntFinder(db).FindAsync(query)).Count;
        if (run >= 2)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    times.Sort();
    Console.WriteLine($"{provider}: finder \"{query}\": {found} found, median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms over {times.Count} runs");
}
