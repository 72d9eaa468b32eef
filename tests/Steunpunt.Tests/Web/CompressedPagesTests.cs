using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Accounts;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Web;

/// <summary>
/// Public pages are kept in the output cache compressed, made once (Web/CompressOnce): each form must be the same page,
/// a browser can revalidate it (304), and neither the server's cache nor a browser's or proxy's ever keeps a page
/// made for one person.
/// </summary>
public sealed class CompressedPagesTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly string[] s_publicPages = ["/", "/informatie/wat-is-een-tlv", "/begrippen", "/thema/speciaal-onderwijs-en-tlv"];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_cached_page_is_the_same_page_in_every_form_and_can_be_revalidated(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        foreach (var page in s_publicPages.Select(tenant.Path))
        {
            var plain = await GetAsync(client, page, "identity");
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            var html = await plain.Content.ReadAsByteArrayAsync();
            Assert.Contains("</html>", System.Text.Encoding.UTF8.GetString(html), StringComparison.Ordinal);
            var tags = new HashSet<string> { Tag(plain) };
            foreach (var (accept, expected) in new[] { ("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"), ("deflate", null) })
            {
                // The first request may render the page; the second is the cache's copy (it has an Age).
                await GetAsync(client, page, accept);
                var cached = await GetAsync(client, page, accept);
                Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
                Assert.True(cached.Headers.Age is not null, $"{page} ({accept}) did not come from the cache");
                Assert.Equal(expected is null ? [] : [expected], cached.Content.Headers.ContentEncoding);
                Assert.Equal(html, Decode(await cached.Content.ReadAsByteArrayAsync(), expected));
                Assert.Contains("Accept-Encoding", cached.Headers.Vary);
                Assert.True(cached.Headers.CacheControl is { NoCache: true, NoStore: false, Public: false }, $"{page}: {cached.Headers.CacheControl}");
                var tag = Tag(cached);
                if (expected is not null)
                {
                    tags.Add(tag); // each encoding is its own representation: its own ETag
                }
                else
                {
                    Assert.Equal(Tag(plain), tag);
                }

                using var revalidate = new HttpRequestMessage(HttpMethod.Get, page);
                revalidate.Headers.AcceptEncoding.ParseAdd(accept);
                revalidate.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(tag));
                var notModified = await client.SendAsync(revalidate);
                Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
                Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            }
            Assert.Equal(3, tags.Count);
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_cache_never_serves_or_keeps_a_signed_in_or_private_page(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var coordinator = await app.SignInAsStaffAsync(tenant, roles: [Policies.Staff, Policies.Coordinator]);
        var anonymous = app.Anonymous();
        var page = tenant.Path("/informatie/wat-is-een-tlv");

        // Signed in first: the page made for them is not stored, for the server's cache or any other.
        var signedIn = await GetAsync(coordinator.Client, page, "gzip, br");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.True(signedIn.Headers.CacheControl?.NoStore, $"{signedIn.Headers.CacheControl}");
        Assert.Null(signedIn.Headers.ETag);
        var first = await GetAsync(anonymous, page, "gzip, br");
        Assert.Null(first.Headers.Age); // rendered for the visitor, not the signed-in person's copy

        // Cached for visitors now: the signed-in person still gets their own page, never the cache's.
        Assert.NotNull((await GetAsync(anonymous, page, "gzip, br")).Headers.Age);
        var again = await GetAsync(coordinator.Client, page, "gzip, br");
        Assert.Null(again.Headers.Age);
        Assert.True(again.Headers.CacheControl?.NoStore);
        Assert.Null(again.Headers.ETag);

        // Pages that hold what a person wrote or was told are never stored, by anyone, even when nobody is signed in.
        var asked = await app.AskQuestionAsync(tenant, "Mijn zoon krijgt geen plek, wat nu?");
        var privatePages = new[]
        {
            asked.LinkPath, tenant.Path("/vraag-stellen"), tenant.Path("/vertel"), tenant.Path("/gesprek"), tenant.Path("/zoeken?q=tlv"),
            tenant.Path("/account/inloggen"), tenant.Path("/bestaat-niet"),
        };
        var stored = new List<string>();
        foreach (var path in privatePages)
        {
            for (var i = 0; i < 2; i++)
            {
                var response = await GetAsync(anonymous, path, "gzip, br");
                if (response.Headers.CacheControl?.NoStore != true || response.Headers.Age is not null || response.Headers.ETag is not null)
                {
                    stored.Add($"{path} ({(int)response.StatusCode}): Cache-Control {response.Headers.CacheControl}, Age {response.Headers.Age}, ETag {response.Headers.ETag}");
                }
            }
        }
        Assert.Empty(stored);
        Assert.Equal(7, privatePages.Length);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Style_script_and_icon_have_fingerprinted_names_kept_a_year_and_their_plain_names_are_revalidated(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(tenant.Path("/")));
        var assets = home.QuerySelectorAll("link[rel=stylesheet], script[src], link[rel=icon]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").ToList();
        Assert.Equal(3, assets.Count);
        foreach (var asset in assets)
        {
            var name = System.Text.RegularExpressions.Regex.Match(asset, @"^(?<base>.+/[a-z]+)\.(?<hash>[a-z0-9]{6,})\.(?<ext>css|js|svg)$");
            Assert.True(name.Success, $"{asset} has no fingerprint in its name");
            var fingerprinted = await GetAsync(client, asset, "gzip, br");
            Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
            Assert.True(fingerprinted.Headers.CacheControl is { MaxAge.TotalDays: >= 365 } cache && cache.Extensions.Any(e => e.Name == "immutable"),
                $"{asset}: {fingerprinted.Headers.CacheControl}");
            Assert.NotNull(fingerprinted.Headers.ETag);
            // Under its plain name the same file is kept for an hour at most, then asked again: it changes with a new version.
            var plain = await GetAsync(client, $"{name.Groups["base"].Value}.{name.Groups["ext"].Value}", "gzip, br");
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.True(plain.Headers.CacheControl is { } revalidated && (revalidated.NoCache || revalidated is { MustRevalidate: true, MaxAge.TotalHours: <= 1 })
                && !revalidated.Extensions.Any(e => e.Name == "immutable"),
                $"{asset}: {plain.Headers.CacheControl}");
            Assert.Equal(Decode(await fingerprinted.Content.ReadAsByteArrayAsync(), fingerprinted.Content.Headers.ContentEncoding.SingleOrDefault()),
                Decode(await plain.Content.ReadAsByteArrayAsync(), plain.Content.Headers.ContentEncoding.SingleOrDefault()));
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_stored_page_is_kept_per_steunpunt_query_path_case_and_method(string provider)
    {
        var app = await apps.ForAsync(provider);
        var first = await app.CreateTenantAsync();
        var second = await app.CreateTenantAsync();
        var client = app.Anonymous();
        foreach (var _ in new[] { 1, 2 })
        {
            Assert.Contains(first.Name, await client.GetStringAsync(first.Path("/contact")), StringComparison.Ordinal);
            Assert.Contains(second.Name, await client.GetStringAsync(second.Path("/contact")), StringComparison.Ordinal);
            Assert.DoesNotContain(first.Name, await client.GetStringAsync(second.Path("/contact")), StringComparison.Ordinal);
        }
        // The youth version of a theme is another page than the parents' one, stored or not.
        var parents = await client.GetStringAsync(first.Path("/thema/thuiszitten-en-verzuim"));
        var youth = await client.GetStringAsync(first.Path("/thema/thuiszitten-en-verzuim?voor=jongeren"));
        Assert.NotEqual(parents, youth);
        Assert.Equal(youth, await client.GetStringAsync(first.Path("/thema/thuiszitten-en-verzuim?voor=jongeren")));
        Assert.Equal(parents, await client.GetStringAsync(first.Path("/thema/thuiszitten-en-verzuim")));
        // Another case is another address: what the page itself answers, not the stored copy.
        var upper = await client.GetAsync(first.Path("/THEMA/THUISZITTEN-EN-VERZUIM"));
        Assert.NotEqual(parents, await upper.Content.ReadAsStringAsync());
        // HEAD (the server sends no body) does not leave an empty page for GET.
        using var head = new HttpRequestMessage(HttpMethod.Head, first.Path("/begrippen"));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(head)).StatusCode);
        Assert.Contains("</html>", await client.GetStringAsync(first.Path("/begrippen")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_block_stays_framable_when_the_browser_revalidates_it(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var client = app.Anonymous();
        await GetAsync(client, tenant.Path("/voor-scholen/blok"), "gzip, br");
        var stored = await GetAsync(client, tenant.Path("/voor-scholen/blok"), "gzip, br");
        Assert.NotNull(stored.Headers.Age);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, tenant.Path("/voor-scholen/blok"));
        revalidate.Headers.AcceptEncoding.ParseAdd("gzip, br");
        revalidate.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(Tag(stored)));
        var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        // A 304 updates the headers the browser keeps: it must not bring the "no frames" policy of other pages.
        var csp = notModified.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(" ", values) : "";
        Assert.DoesNotContain("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_steunpunt_being_set_up_shows_its_sign_in_page_with_its_style_and_nothing_else(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.WithDbAsync(null, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == tenant.Id)).InOprichting = true;
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantDirectory>().Invalidate();
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(tenant.Path("/"))).StatusCode);
        var signIn = await client.GetAsync(tenant.Path("/account/inloggen"));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await signIn.Content.ReadAsStringAsync());
        var style = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href") ?? "";
        Assert.StartsWith(tenant.Path("/css/site."), style, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(style)).StatusCode);
    }

    [Fact]
    public void The_browser_gets_brotli_when_it_takes_it_else_gzip_else_the_page_as_it_is()
    {
        Assert.Equal("br", Steunpunt.Web.CompressOnce.Negotiate("gzip, deflate, br, zstd"));
        Assert.Equal("br", Steunpunt.Web.CompressOnce.Negotiate("br"));
        Assert.Equal("gzip", Steunpunt.Web.CompressOnce.Negotiate("gzip, br;q=0"));
        Assert.Equal("gzip", Steunpunt.Web.CompressOnce.Negotiate("br;q=0.5, gzip"));
        Assert.Equal("gzip", Steunpunt.Web.CompressOnce.Negotiate("X-GZIP"));
        Assert.Equal("identity", Steunpunt.Web.CompressOnce.Negotiate("deflate"));
        Assert.Equal("identity", Steunpunt.Web.CompressOnce.Negotiate("gzip;q=0, br;q=0"));
        Assert.Equal("identity", Steunpunt.Web.CompressOnce.Negotiate(Microsoft.Extensions.Primitives.StringValues.Empty));
        Assert.Equal("br", Steunpunt.Web.CompressOnce.Negotiate(new Microsoft.Extensions.Primitives.StringValues(["gzip;q=0.8", "br"])));
        Assert.Equal("br", Steunpunt.Web.CompressOnce.Negotiate("*"));
        Assert.Equal("gzip", Steunpunt.Web.CompressOnce.Negotiate("br;q=0, *"));
        Assert.Equal("identity", Steunpunt.Web.CompressOnce.Negotiate("*;q=0"));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        return await client.SendAsync(request);
    }

    private static string Tag(HttpResponseMessage response) =>
        response.Headers.ETag?.Tag ?? throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no ETag");

    private static byte[] Decode(byte[] body, string? encoding)
    {
        if (encoding is null)
        {
            return body;
        }
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
