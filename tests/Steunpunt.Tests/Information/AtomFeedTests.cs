using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Information;

/// <summary>Each site has an Atom feed of its newest and latest changed answers, as the site shows them.</summary>
public sealed class AtomFeedTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";
    private const string Rfc3339 = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_feed_is_atom_with_the_sites_newest_answer_first(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        var own = await app.AddItemAsync(tenant, "Mag mijn kind een dag thuisblijven voor therapie?", "Ja, met toestemming van de school.");
        var client = app.Anonymous();

        var response = await client.GetAsync(tenant.Path("/nieuw-en-gewijzigd.atom"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        // RFC 4287: a feed has an id, a title, an updated moment, an author and a link to itself; every entry has an
        // id, a title, an updated moment and a link.
        var feed = XDocument.Parse(text).Root!;
        Assert.Equal(s_atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
        {
            Assert.NotNull(feed.Element(s_atom + required));
        }
        Assert.Contains(feed.Elements(s_atom + "link"), l => (string?)l.Attribute("rel") == "self"
            && new Uri((string)l.Attribute("href")!).AbsolutePath == tenant.Path("/nieuw-en-gewijzigd.atom"));
        Assert.Single(feed.Elements(s_atom + "id"));
        Assert.True(Uri.TryCreate(feed.Element(s_atom + "id")!.Value, UriKind.Absolute, out _));
        Assert.Matches(Rfc3339, feed.Element(s_atom + "updated")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(s_atom + "author")!.Element(s_atom + "name")?.Value));
        var entries = feed.Elements(s_atom + "entry").ToList();
        Assert.InRange(entries.Count, 2, 50);
        foreach (var entry in entries)
        {
            // Exactly one id (an absolute IRI), title and updated (an RFC 3339 date-time) per entry; content or an
            // alternate link.
            Assert.True(Uri.TryCreate(Assert.Single(entry.Elements(s_atom + "id")).Value, UriKind.Absolute, out _));
            Assert.Single(entry.Elements(s_atom + "title"));
            Assert.Matches(Rfc3339, Assert.Single(entry.Elements(s_atom + "updated")).Value);
            Assert.True(entry.Element(s_atom + "content") is not null
                || entry.Elements(s_atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate"));
        }
        // Entry ids are unique in the feed.
        Assert.Equal(entries.Count, entries.Select(e => e.Element(s_atom + "id")!.Value).Distinct().Count());
        Assert.Equal(own.Question, entries[0].Element(s_atom + "title")!.Value);
        Assert.Equal(tenant.Path($"/informatie/{own.Slug}"), new Uri(entries[0].Element(s_atom + "id")!.Value).AbsolutePath);

        // A feed reader's parser reads it, and each entry's link answers.
        using var reader = XmlReader.Create(new StringReader(text));
        var parsed = SyndicationFeed.Load(reader);
        Assert.Equal(entries.Count, parsed.Items.Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(parsed.Items.First().Links[0].Uri.PathAndQuery)).StatusCode);

        // The national feed has the national set only.
        Assert.DoesNotContain(own.Question, await client.GetStringAsync("/nieuw-en-gewijzigd.atom"), StringComparison.Ordinal);
    }
}
