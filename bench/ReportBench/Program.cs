using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Questions;
using Steunpunt.Questions.Surface;
using Steunpunt.Signals.Reports;
using Steunpunt.Stories;
using Steunpunt.Stories.Surface;
using Steunpunt.Information.Surface;
using Steunpunt.National.Leidraad;
using Steunpunt.National.Monitor;
using Steunpunt.Signals.Surface;
using Steunpunt.Tenancy;
using Steunpunt.Tenancy.Registers;

// Board reports and the national monitor at national scale: 1,000,000 cases and 100,000 stories over 150 steunpunten (each serving a PO and
// a VO partnership), over two school years. Times one SWV's school-year report and the national totals.
// Usage: ReportBench <Sqlite|Postgres> <connection string>
var (provider, connection) = (args[0], args[1]);
ProtectedText.UseKey(RandomNumberGenerator.GetBytes(32));
const int Tenants = 150, Cases = 1_000_000, StoryCount = 100_000;

SteunpuntDb Open(CurrentTenant tenant) => provider == "Postgres"
    ? new PostgresSteunpuntDb(new DbContextOptionsBuilder<PostgresSteunpuntDb>().UseNpgsql(connection).Options, tenant, TimeProvider.System)
    : new SqliteSteunpuntDb(new DbContextOptionsBuilder<SqliteSteunpuntDb>().UseSqlite(connection).Options, tenant, TimeProvider.System);

// Province numbers 20-31 as in DUO's codes, so the monitor's map has every province.
string SwvCode(string sector, int t) => $"{sector} {20 + (t % 12)}.{(t / 12) + 1:00}";

var generate = Stopwatch.StartNew();
var tenants = new List<Tenant>();
await using (var db = Open(new CurrentTenant()))
{
    await db.Database.MigrateAsync();
    if (db.Database.IsSqlite())
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
    for (var t = 0; t < Tenants; t++)
    {
        var tenant = new Tenant { Slug = $"regio-{t:000}", Name = $"Steunpunt regio {t:000}" };
        tenant.Partnerships.Add(new Partnership { Name = $"SWV PO regio {t:000}", Code = SwvCode("PO", t), Sector = Sector.PO });
        tenant.Partnerships.Add(new Partnership { Name = $"SWV VO regio {t:000}", Code = SwvCode("VO", t), Sector = Sector.VO });
        tenants.Add(tenant);
        db.RegisterSwvs.Add(new RegisterSwv { Code = SwvCode("PO", t), Name = $"SWV PO regio {t:000}", Sector = Sector.PO });
        db.RegisterSwvs.Add(new RegisterSwv { Code = SwvCode("VO", t), Name = $"SWV VO regio {t:000}", Sector = Sector.VO });
    }
    // 9,000 schools with pupil counts, as DUO's register gives them (the monitor's reach per 1,000 pupils).
    for (var i = 0; i < 9000; i++)
    {
        db.RegisterSchools.Add(new RegisterSchool
        {
            Brin = $"{i / 676 % 100:00}{(char)('A' + (i / 26 % 26))}{(char)('A' + (i % 26))}",
            Vestiging = "00",
            Name = $"School {i:0000}",
            SwvCode = SwvCode(i % 3 == 0 ? "VO" : "PO", i % Tenants),
            Pupils = 100 + (i % 900),
        });
    }
    db.AddRange(tenants);
    await db.SaveChangesAsync();
}
var random = new Random(42);
var start = new DateTimeOffset(2024, 8, 1, 8, 0, 0, TimeSpan.Zero);
var span = (int)(new DateTimeOffset(2026, 7, 31, 18, 0, 0, TimeSpan.Zero) - start).TotalMinutes;
SchoolPhases[] phases = [SchoolPhases.None, SchoolPhases.PO, SchoolPhases.PO, SchoolPhases.SBO, SchoolPhases.SO, SchoolPhases.VO, SchoolPhases.VO, SchoolPhases.VSO, SchoolPhases.PrO];
string[] gemeenten = ["", "Dijkhoven", "Molenbroek", "Zandvliet", "Heidedorp", "Veenwijk"];
for (var batch = 0; batch < Cases / 10_000; batch++)
{
    await using var db = Open(new CurrentTenant());
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = 0; i < 10_000; i++)
    {
        var tenant = tenants[random.Next(Tenants)];
        var phase = phases[random.Next(phases.Length)];
        var at = start.AddMinutes(random.Next(span));
        var channel = (Channel)random.Next(5);
        db.Add(new SupportCase
        {
            TenantId = tenant.Id,
            ReceivedAt = at,
            LastActivityAt = at,
            Channel = channel,
            RequesterRole = (RequesterRole)(random.Next(10) switch { < 7 => 0, < 9 => 1, _ => 2 }),
            Phase = phase,
            Sector = Sectors.Of(phase),
            Gemeente = gemeenten[random.Next(gemeenten.Length)],
            ThemeCodes = random.Next(4) == 0 ? ThemeSet.None : ThemeSet.Of($"T{random.Next(1, 17):00}", random.Next(3) == 0 ? $"T{random.Next(1, 17):00}" : null),
            HelpGiven = (HelpGiven)random.Next(32),
            Knelpunten = random.Next(5) == 0 ? (Knelpunten)(1 << random.Next(8)) : Knelpunten.None,
            Outcome = (Outcome)random.Next(6),
            Status = random.Next(10) == 0 ? CaseStatus.Open : CaseStatus.Closed,
            AnsweredOnTime = channel == Channel.Formulier ? random.Next(10) < 8 : null,
            MinutesSpent = random.Next(5, 120),
        });
    }
    await db.SaveChangesAsync();
}
for (var batch = 0; batch < StoryCount / 10_000; batch++)
{
    await using var db = Open(new CurrentTenant());
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = 0; i < 10_000; i++)
    {
        var reviewed = random.Next(3) > 0;
        db.Add(new Story
        {
            TenantId = tenants[random.Next(Tenants)].Id,
            ReceivedAt = start.AddMinutes(random.Next(span)),
            Teller = (Teller)random.Next(3),
            Phase = phases[random.Next(phases.Length)],
            ThemeCodes = ThemeSet.Of($"T{random.Next(1, 17):00}"),
            Feeling = random.Next(-2, 3),
            FeltHeard = (FeltHeard)random.Next(4),
            MayQuote = random.Next(2) == 0,
            Moment = "Een verhaal over school.",
            RedactedText = reviewed ? "Een verhaal over school, nagekeken." : "",
            ReviewedAt = reviewed ? start : null,
        });
    }
    await db.SaveChangesAsync();
}
Console.WriteLine($"{provider}: generated {Cases:N0} cases and {StoryCount:N0} stories over {Tenants} steunpunten in {generate.Elapsed.TotalSeconds:F0} s");

var period = ReportPeriod.Parse("2025-2026")!;
var timings = new List<double>();
int total = 0;
for (var run = 0; run < 12; run++)
{
    var tenant = tenants[(run * 37) % Tenants];
    var current = new CurrentTenant();
    current.Set(new TenantEntry(tenant.Id, tenant.Slug, tenant.Name, []));
    await using var db = Open(current);
    var report = new BoardReport(db, new CaseCounts(db), new ReviewedStories(db), Options.Create(new SignalsOptions()), new Steunpunt.Information.Surface.ThemeNames(db), TimeProvider.System);
    var swv = await db.Set<Partnership>().FirstAsync(p => p.Sector == Sector.PO);
    var watch = Stopwatch.StartNew();
    var built = await report.BuildAsync(swv, period);
    watch.Stop();
    if (run >= 2)
    {
        timings.Add(watch.Elapsed.TotalMilliseconds); // the first two warm up (JIT, caches)
    }
    total = built.Total;
}
timings.Sort();
Console.WriteLine($"{provider}: one SWV's school-year report ({total:N0} contacts, 8 dimensions + previous year, monthly trend, signals, quotes): " +
    $"median {timings[timings.Count / 2]:F0} ms, max {timings[^1]:F0} ms over {timings.Count} runs");

var national = new List<double>();
var nationalTotal = 0;
for (var run = 0; run < 4; run++)
{
    await using var db = Open(new CurrentTenant());
    var report = new BoardReport(db, new CaseCounts(db), new ReviewedStories(db), Options.Create(new SignalsOptions()), new Steunpunt.Information.Surface.ThemeNames(db), TimeProvider.System);
    var watch = Stopwatch.StartNew();
    nationalTotal = (await report.NationalTotalsAsync(period)).Total;
    national.Add(watch.Elapsed.TotalMilliseconds);
}
Console.WriteLine($"{provider}: national totals for the school year ({nationalTotal:N0} contacts): {national.Skip(1).Min():F0}–{national.Skip(1).Max():F0} ms");

// The national monitor over every steunpunt, on the last day of the generated school year (so its "last 12 months"
// covers a full year of the generated contacts).
var endOfYear = new FixedClock(new DateTimeOffset(2026, 7, 31, 20, 0, 0, TimeSpan.Zero));
var monitorTimes = new List<double>();
NationalMonitor.Result? monitored = null;
for (var run = 0; run < 6; run++)
{
    await using var db = Open(new CurrentTenant());
    var signals = new SignalCycle(db);
    var monitor = new NationalMonitor(db, new LeidraadFacts(db, new CaseCounts(db), new PublishedInformation(db), signals, new PanelParticipation(db), endOfYear), signals, endOfYear);
    var watch = Stopwatch.StartNew();
    monitored = await monitor.ComputeAsync();
    if (run >= 1)
    {
        monitorTimes.Add(watch.Elapsed.TotalMilliseconds);
    }
}
monitorTimes.Sort();
Console.WriteLine($"{provider}: national monitor ({monitored!.Rows.Count} SWVs, {monitored.Functioning} with a working steunpunt, contacts of 12 months over {Tenants} steunpunten): " +
    $"median {monitorTimes[monitorTimes.Count / 2]:F0} ms, max {monitorTimes[^1]:F0} ms over {monitorTimes.Count} runs");

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
