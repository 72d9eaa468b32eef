using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information;
using Steunpunt.Information.Search;
using Steunpunt.Seeding;
using Steunpunt.Tenancy;

// Search benchmark: a national-scale corpus (150 steunpunten x 300 items), index build time and query latency
// in-process; with "startup" it waits for a starting app's first answers, with "http" it times the search page of a
// running app with one client.
if (args.Length >= 3 && args[0] == "startup")
{
    await HttpBench.StartupAsync(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 ? args[3] : "start");
    return;
}
if (args.Length >= 2 && args[0] == "http")
{
    await HttpBench.RunAsync(args[1]);
    return;
}
var dbPath = args.Length >= 2 && args[0] == "generate" ? args[1] : null;
var corpus = Corpus.Generate(tenants: 150, itemsPerSite: 300, seed: 42);
Console.WriteLine($"corpus: {corpus.Tenants.Count} steunpunten, {corpus.Rows.Count} rows, {corpus.Rows.Count(r => r.TenantId is null)} national items");

var source = corpus.Source();
var documents = source.Sites.Sum(s => s.Articles.Count);
using var index = new SearchIndex();
var build = Stopwatch.StartNew();
await index.RebuildAsync(source);
build.Stop();
Console.WriteLine($"index build (in-process): {documents} documents in {build.Elapsed.TotalSeconds:F2} s");

var glossary = StarterContent.Load<List<StarterContent.GlossarySeed>>("glossary.json").Select(g => g.ToTerm(null)).ToList();
var expansion = new QueryExpansion(glossary, []);
var random = new Random(7);
var queries = Corpus.Queries;
for (var i = 0; i < 500; i++)
{
    Run(queries[i % queries.Length], corpus.Tenants[random.Next(corpus.Tenants.Count)].Id);
}
var timings = new List<double>();
for (var i = 0; i < 5000; i++)
{
    var q = queries[i % queries.Length];
    var site = corpus.Tenants[random.Next(corpus.Tenants.Count)].Id;
    var t = Stopwatch.GetTimestamp();
    Run(q, site);
    timings.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
}
Report("query (in-process, index + expansion + spelling)", timings);

// A lever for an attacker: queries of many unknown words (each new, so no spelling cache helps). Bounded work per
// query keeps their cost within a small multiple of a normal one.
var unknown = new List<double>();
for (var i = 0; i < 1000; i++)
{
    var words = Corpus.UnknownWords(i, 10);
    var site = corpus.Tenants[random.Next(corpus.Tenants.Count)].Id;
    var t = Stopwatch.GetTimestamp();
    Run(words, site);
    unknown.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
}
Report("query of 10 new unknown words (in-process)", unknown);
Console.WriteLine($"cost of a 10-unknown-word query against a normal one (in-process, median): {Median(unknown) / Median(timings):F1}x");

var change = Stopwatch.StartNew();
var tenant = corpus.Tenants[3].Id;
await index.ReplaceAsync(new SearchSource([source.Sites.First(s => s.Key == SearchSource.KeyOf(tenant))], false));
Console.WriteLine($"re-index one steunpunt after an edit: {change.Elapsed.TotalMilliseconds:F0} ms");
change.Restart();
var edited = corpus.Rows.First(r => r.TenantId is null).Id;
await index.ReplaceItemsAsync([edited], source);
Console.WriteLine($"re-index one national item in all {corpus.Tenants.Count} steunpunten after a national edit: {change.Elapsed.TotalMilliseconds:F0} ms");
change.Restart();
await index.ReplaceAsync(source);
Console.WriteLine($"re-index everything (a national glossary change): {change.Elapsed.TotalSeconds:F2} s");

if (dbPath is not null)
{
    await corpus.WriteSqliteAsync(dbPath);
    Console.WriteLine($"wrote the corpus to {dbPath}");
}

void Run(string q, Guid site)
{
    var suggestion = Spelling.Suggest(q, index, SearchSource.KeyOf(site));
    var query = SearchQuery.Build(index.Analysis, q, expansion.Expand(q) + " " + suggestion, index.Knows, index.TermsNear);
    if (query is not null)
    {
        index.Search(SearchSource.KeyOf(site), query, null, 20);
    }
}

static double Median(List<double> ms) => ms.Order().ElementAt(ms.Count / 2);

static void Report(string what, List<double> ms)
{
    ms.Sort();
    double P(double p) => ms[(int)Math.Min(ms.Count - 1, Math.Ceiling(p * ms.Count) - 1)];
    Console.WriteLine($"{what}: n={ms.Count} p50={P(0.50):F2} ms p95={P(0.95):F2} ms p99={P(0.99):F2} ms");
}

internal sealed record Corpus(List<Tenant> Tenants, List<FaqItem> Rows)
{
    public static readonly string[] Queries =
    [
        "mijn zoon zit al weken thuis", "tlv aanvragen", "toelaatbaarheidsverklaaring", "vervoer naar school", "scholen speciaal onderwijs",
        "vervoer leerlingen", "ik word gepest", "opp", "wat doet de ib'er", "geschorst", "ik ben het niet eens met de school", "extra tijd examen",
        "dislexie", "overstap middelbare school", "leerplichtambtenar", "wachtlijst", "jeugdhulp onder schooltijd", "mag ik zelf iets zeggen over mijn plan",
        "school wil mijn kind wegsturen", "klacht indienen tegen school",
    ];

    /// <summary>A query of <paramref name="count"/> made-up words, different for every <paramref name="i"/>, that look
    /// like typos of nothing (so no spelling cache helps).</summary>
    public static string UnknownWords(int i, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(w => (i * count) + w).Select(n => $"zqrvelkt{(char)('a' + (n % 26))}{(char)('a' + (n / 26 % 26))}{(char)('a' + (n / 676 % 26))}"));

    private static readonly string[] s_places = ["Dijkhoven", "Molenbroek", "Zandvliet", "Heidedorp", "Veenwijk", "Noorderveen", "Rivierstad", "Bergeind"];

    public static Corpus Generate(int tenants, int itemsPerSite, int seed)
    {
        var random = new Random(seed);
        var national = StarterContent.Load<List<StarterContent.FaqSeed>>("national-faq.json").Select(f => f.ToItem(null)).ToList();
        var terms = StarterContent.Load<List<StarterContent.GlossarySeed>>("glossary.json");
        var rows = new List<FaqItem>(national);
        var list = new List<Tenant>();
        for (var t = 1; t <= tenants; t++)
        {
            var tenant = new Tenant { Slug = $"regio-{t:000}", Name = $"Steunpunt regio {t:000}" };
            list.Add(tenant);
            var place = s_places[t % s_places.Length] + "-" + t;
            foreach (var n in national.OrderBy(_ => random.Next()).Take(30))
            {
                rows.Add(new FaqItem
                {
                    TenantId = tenant.Id,
                    NationalItemId = n.Id,
                    Layer = ContentLayer.Supplement,
                    Slug = n.Slug,
                    ThemeCode = n.ThemeCode,
                    Supplement = $"In {place} regelt het loket van het samenwerkingsverband dit binnen {random.Next(2, 8)} weken.",
                    Status = ContentStatus.Published,
                });
            }
            for (var i = national.Count; i < itemsPerSite; i++)
            {
                var template = national[random.Next(national.Count)];
                var term = terms[random.Next(terms.Count)];
                rows.Add(new FaqItem
                {
                    TenantId = tenant.Id,
                    Slug = $"{template.Slug}-{t}-{i}",
                    ThemeCode = template.ThemeCode,
                    Audience = template.Audience,
                    Question = $"Hoe werkt {term.Term.ToLowerInvariant()} in {place}?",
                    ShortAnswer = $"{term.Definition} In {place} helpt het steunpunt u daarbij. {template.ShortAnswer}",
                    Explanation = template.Explanation,
                    WhatYouCanDo = template.WhatYouCanDo,
                    WhoToGoTo = template.WhoToGoTo,
                    Status = ContentStatus.Published,
                });
            }
        }
        return new Corpus(list, rows);
    }

    public SearchSource Source()
    {
        var national = Rows.Where(r => r.TenantId is null).ToList();
        var own = Rows.Where(r => r.TenantId is not null).ToLookup(r => r.TenantId!.Value);
        var sites = Tenants.Select(t => new SearchSource.Site(SearchSource.KeyOf(t.Id), InformationCatalog.Merge(national.Concat(own[t.Id]), t.Id))).ToList();
        sites.Add(new SearchSource.Site(SearchSource.NationalKey, InformationCatalog.Merge(national, null)));
        return new SearchSource(sites, true);
    }

    public async Task WriteSqliteAsync(string path)
    {
        var options = new DbContextOptionsBuilder<SqliteSteunpuntDb>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new SqliteSteunpuntDb(options, new CurrentTenant(), TimeProvider.System))
        {
            await db.Database.MigrateAsync();
            db.Set<Tenant>().AddRange(Tenants);
            db.Set<IdentityRole>().AddRange(new IdentityRole("Editor") { NormalizedName = "EDITOR" }, new IdentityRole("NationalEditor") { NormalizedName = "NATIONALEDITOR" });
            await db.SaveChangesAsync();
        }
        foreach (var chunk in Rows.Chunk(5000))
        {
            await using var db = new SqliteSteunpuntDb(options, new CurrentTenant(), TimeProvider.System);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Set<FaqItem>().AddRange(chunk);
            await db.SaveChangesAsync();
        }
    }
}

internal static class HttpBench
{
    /// <summary>Polls a starting app and prints when a public page, the search page and a search with answers first
    /// came back 200, counted from <paramref name="startedMs"/> (Unix ms, just before the process was started).</summary>
    public static async Task StartupAsync(string baseUrl, long startedMs, string what)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
        double Since() => (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - startedMs) / 1000.0;
        double? home = null, search = null, answers = null, ready = null;
        var deadline = Stopwatch.StartNew();
        while ((home is null || search is null || answers is null || ready is null) && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            home ??= await Ok("/regio-001/") ? Since() : null;
            if (search is null || answers is null)
            {
                try
                {
                    using var response = await client.GetAsync("/regio-001/zoeken?q=thuiszitten");
                    var body = await response.Content.ReadAsStringAsync();
                    search ??= response.IsSuccessStatusCode ? Since() : null;
                    answers ??= response.IsSuccessStatusCode && body.Contains("antwoorden gevonden", StringComparison.Ordinal) ? Since() : null;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }
            ready ??= await Ok("/gezondheid/klaar") ? Since() : null;
            await Task.Delay(20);
        }
        static string S(double? s) => s is { } v ? $"{v:F2} s" : "not within 120 s";
        Console.WriteLine($"{what}, start to first 200: public page (steunpunt home) {S(home)}; search page {S(search)}; search page with answers {S(answers)}; /gezondheid/klaar {S(ready)}");

        async Task<bool> Ok(string path)
        {
            try
            {
                using var response = await client.GetAsync(path);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }
    }

    /// <summary>One client, one request at a time: the search page's latency per kind of query, and what a query of
    /// ten new unknown words costs against a normal one.</summary>
    public static async Task RunAsync(string baseUrl)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = new Uri(baseUrl),
        };
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, br");
        var random = new Random(11);
        string Url(string q) => $"/regio-{random.Next(1, 151):000}/zoeken?q={Uri.EscapeDataString(q)}";
        async Task<double> Time(string url)
        {
            var t = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        // JIT and caches warm: every query kind on every steunpunt's page once or more.
        for (var i = 0; i < 600; i++)
        {
            await Time(Url(Corpus.Queries[i % Corpus.Queries.Length]));
        }
        for (var i = 0; i < 50; i++)
        {
            await Time(Url(Corpus.UnknownWords(100_000 + i, 10)));
        }
        var kinds = new (string Name, Func<int, string> Query)[]
        {
            ("'thuiszitten'", _ => "thuiszitten"),
            ("typo 'thuiszitetn'", _ => "thuiszitetn"),
            ("multi-word 'mijn zoon zit al weken thuis'", _ => "mijn zoon zit al weken thuis"),
            ("query mix (20 queries)", i => Corpus.Queries[i % Corpus.Queries.Length]),
            ("10 new unknown words", i => Corpus.UnknownWords(i, 10)),
        };
        var all = new List<double>();
        var medians = new Dictionary<string, double>();
        foreach (var (name, query) in kinds)
        {
            var timings = new List<double>();
            for (var i = 0; i < 400; i++)
            {
                timings.Add(await Time(Url(query(i))));
            }
            timings.Sort();
            if (!name.StartsWith("10 new", StringComparison.Ordinal))
            {
                all.AddRange(timings);
            }
            medians[name] = P(timings, 0.5);
            Console.WriteLine($"search page over HTTP, one client, {name}: n={timings.Count} p50={P(timings, 0.50):F2} ms p95={P(timings, 0.95):F2} ms p99={P(timings, 0.99):F2} ms");
        }
        all.Sort();
        Console.WriteLine($"search page over HTTP, one client, all of the above but unknown words: n={all.Count} p50={P(all, 0.50):F2} ms p95={P(all, 0.95):F2} ms p99={P(all, 0.99):F2} ms");
        Console.WriteLine($"cost of a 10-unknown-word query against 'thuiszitten' (HTTP, one client, median): {medians["10 new unknown words"] / medians["'thuiszitten'"]:F1}x");
    }

    private static double P(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
