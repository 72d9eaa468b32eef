using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

// Load for "stel je vraag": N clients each open the form and send it, over and over, for a fixed time.
// Prints accepted questions per second and the time to acknowledge (the POST, from send to "ontvangen").
// Usage: IntakeBench <base-url> <steunpunt-slug> <clients> <seconds>
var (baseUrl, slug) = (args[0].TrimEnd('/'), args[1]);
var clients = int.Parse(args[2], CultureInfo.InvariantCulture);
var seconds = int.Parse(args[3], CultureInfo.InvariantCulture);
var hidden = new Regex("<input type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?name=\"(?<name>[^\"]+)\" type=\"hidden\" value=\"(?<value>[^\"]*)\"");
var latencies = new ConcurrentBag<double>();
var refused = 0;
var errors = 0;

async Task WorkerAsync(int id, DateTime until)
{
    using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
    for (var i = 0; DateTime.UtcNow < until; i++)
    {
        try
        {
            var form = await http.GetStringAsync($"/{slug}/vraag-stellen");
            var fields = new Dictionary<string, string>();
            foreach (Match m in hidden.Matches(form))
            {
                fields[WebUtility.HtmlDecode(m.Groups["name"].Value)] = WebUtility.HtmlDecode(m.Groups["value"].Value);
            }
            fields["Input.Role"] = "Ouder";
            fields["Input.Text"] = $"Mijn kind zit sinds de vakantie thuis en school zegt dat er geen plek is. Wat kan ik doen? ({id}-{i})";
            fields["Input.Theme"] = "T07";
            fields["Input.Phase"] = "PO";
            fields["Input.ContactWay"] = "LinkOnly";
            fields["Input.SharesHealth"] = "nee";
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsync($"/{slug}/vraag-stellen", new FormUrlEncodedContent(fields));
            var html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (response.StatusCode == HttpStatusCode.OK && html.Contains("Je vraag is ontvangen", StringComparison.Ordinal))
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
            else
            {
                Interlocked.Increment(ref refused);
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref errors);
        }
    }
}

// Warm-up (JIT, connection pools), not counted.
await WorkerAsync(-1, DateTime.UtcNow.AddSeconds(2));
latencies.Clear();
var started = Stopwatch.StartNew();
var end = DateTime.UtcNow.AddSeconds(seconds);
await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => WorkerAsync(c, end))));
var elapsed = started.Elapsed.TotalSeconds;
var sorted = latencies.Order().ToArray();
double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{clients} clients, {elapsed:F0} s: accepted {sorted.Length} questions = {sorted.Length / elapsed:F1}/s; time to acknowledge p50={P(0.5):F1} ms p95={P(0.95):F1} ms p99={P(0.99):F1} ms; refused {refused}, errors {errors}"));
