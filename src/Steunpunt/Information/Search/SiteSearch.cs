using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Search;

/// <summary>The search of the site being visited: its national items plus its own regional layer.</summary>
public sealed class SiteSearch(SearchIndex index, InformationCatalog catalog, SteunpuntDb db, CurrentTenant tenant, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<SearchOptions> options, IMemoryCache cache, ContentSync sync)
{
    /// <summary>Whether search can answer: at start the index is built while pages are already served.</summary>
    public bool IsAvailable => index.IsBuilt;

    /// <summary>
    /// What a search on one site needs besides the index, made once per site and content version (the key holds the
    /// newest content change this instance applied, so a publish anywhere makes it anew): the expansions of the
    /// glossary and synonyms, the glossary terms' words, and the articles and pages by id.
    /// </summary>
    private sealed class SiteData(IReadOnlyList<GlossaryTerm> glossary, IReadOnlyList<SearchSynonym> synonyms,
        IReadOnlyList<Article> articles, IReadOnlyList<RegionalPage> pages)
    {
        public QueryExpansion Expansion { get; } = new(glossary, synonyms);
        public QueryExpansion SynonymExpansion { get; } = new([], synonyms);
        public IReadOnlyList<(GlossaryTerm Term, string[][] Forms)> Terms { get; } = glossary
            .Select(t => (t, t.SurfaceForms().Where(f => f.Form.Length >= 2).Select(f => DutchText.Words(f.Form).ToArray()).ToArray())).ToList();
        public Dictionary<Guid, Article> Articles { get; } = articles.ToDictionary(a => a.Id);
        public Dictionary<Guid, RegionalPage> Pages { get; } = pages.ToDictionary(p => p.Id);
    }

    private async Task<SiteData> DataAsync(CancellationToken ct)
    {
        var key = $"search:{tenant.Id}:{sync.Applied}";
        if (cache.TryGetValue(key, out SiteData? data) && data is not null)
        {
            return data;
        }
        data = new SiteData(await catalog.GlossaryAsync(ct), await catalog.SynonymsAsync(ct), await catalog.ArticlesAsync(ct), await catalog.RegionalPagesAsync(ct));
        return cache.Set(key, data, TimeSpan.FromMinutes(10));
    }

    public const int MaxQueryLength = 200;

    /// <summary>A found answer (<see cref="Article"/>) or one of the steunpunt's own pages (<see cref="Page"/>).</summary>
    public sealed record Result(Article? Article, RegionalPage? Page, IHtmlContent MarkedShortAnswer);

    /// <summary>What was found: glossary terms the query names, then answers and pages above the relevance floor.</summary>
    public sealed record Outcome(string Query, IReadOnlyList<Result> Results, string? DidYouMean)
    {
        public IReadOnlyList<GlossaryTerm> Terms { get; init; } = [];
    }

    /// <summary>
    /// Hits scoring below this share of the best hit are left out: they share a common word with the query and
    /// little else, and a list of 20 weak matches hides the three good ones.
    /// </summary>
    public const float RelevanceFloor = 0.3f;

    /// <summary>Removes control characters and cuts very long input; what is left is searched as plain words.</summary>
    public static string Clean(string? typed)
    {
        var clean = new string((typed ?? "").Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray());
        clean = string.Join(' ', clean.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return clean.Length > MaxQueryLength ? clean[..MaxQueryLength] : clean;
    }

    public async Task<Outcome> SearchAsync(string query, Audience? audience, int take = 20, CancellationToken ct = default)
    {
        if (query.Length == 0)
        {
            return new Outcome(query, [], null);
        }
        var data = await DataAsync(ct);
        // A likely typo also searches for the word it probably meant ("Bedoelde je …?").
        var suggestion = Spelling.Suggest(query, index, SearchSource.KeyOf(tenant.Id));
        var expansion = data.Expansion.Expand(suggestion is null ? query : query + " " + suggestion) + " " + suggestion;
        var lucene = SearchQuery.Build(index.Analysis, query, expansion, index.Knows, index.TermsNear);
        var hits = lucene is null ? [] : index.Search(SearchSource.KeyOf(tenant.Id), lucene, audience, take);
        var floor = hits.Count == 0 ? 0 : hits.Max(h => h.Score) * RelevanceFloor;

        // Mark words that match a whole word of the query (not a mere compound part of one).
        var marked = SearchQuery.Tokens(index.Analysis, query + " " + expansion).GroupBy(t => t.Position)
            .Select(g => g.First().Term).ToHashSet(StringComparer.Ordinal);
        var results = new List<Result>();
        foreach (var hit in hits.Where(h => h.Score >= floor))
        {
            if (!hit.IsPage && data.Articles.TryGetValue(hit.ArticleId, out var article))
            {
                results.Add(new Result(article, null, Mark(article.ShortAnswer, marked)));
            }
            else if (hit.IsPage && data.Pages.TryGetValue(hit.ArticleId, out var page))
            {
                results.Add(new Result(null, page, Mark(Opening(page.Body), marked)));
            }
        }
        var words = DutchText.Words(suggestion is null ? query : query + " " + suggestion).ToArray();
        var synonymWords = DutchText.Words(data.SynonymExpansion.Expand(query)).ToArray();
        // The terms the query names itself first, then those its everyday words stand for.
        static bool Named((GlossaryTerm Term, string[][] Forms) t, string[] among)
        {
            foreach (var form in t.Forms)
            {
                if (QueryExpansion.Contains(among, form))
                {
                    return true;
                }
            }
            return false;
        }
        var terms = data.Terms.Where(t => Named(t, words)).Concat(data.Terms.Where(t => Named(t, synonymWords))).Select(t => t.Term).Distinct().Take(3).ToList();
        return new Outcome(query, results, suggestion) { Terms = terms };
    }

    /// <summary>The first sentences of a page's Markdown as plain text, for a search result.</summary>
    public static string Opening(string markdown)
    {
        var plain = string.Join(' ', markdown.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.TrimStart('-', '*', '>', ' ').Replace("**", "", StringComparison.Ordinal)));
        if (plain.Length <= 220)
        {
            return plain;
        }
        var cut = plain.LastIndexOf(' ', 220);
        return plain[..(cut > 100 ? cut : 220)] + " …";
    }

    /// <summary>Wraps the words of a text that match the query (after analysis) in &lt;mark&gt;; the rest is encoded.</summary>
    public IHtmlContent Mark(string text, IReadOnlySet<string> terms)
    {
        // Runs for every word of every result on every search: it works on spans of the text and makes no string per
        // word (a word's analysed terms are remembered by the index; only a part HtmlEncode changes is copied).
        var html = new StringBuilder(text.Length + 64);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var isWord = char.IsLetterOrDigit(text[i]);
            while (i < text.Length && char.IsLetterOrDigit(text[i]) == isWord)
            {
                i++;
            }
            var part = text.AsSpan(start, i - start);
            var marked = isWord && AnyOf(index.TermsOf(part), terms);
            if (marked)
            {
                html.Append("<mark>");
            }
            AppendEncoded(html, part);
            if (marked)
            {
                html.Append("</mark>");
            }
        }
        return new HtmlString(html.ToString());
    }

    private static bool AnyOf(IReadOnlyList<string> analysed, IReadOnlySet<string> terms)
    {
        for (var i = 0; i < analysed.Count; i++)
        {
            if (terms.Contains(analysed[i]))
            {
                return true;
            }
        }
        return false;
    }

    // What WebUtility.HtmlEncode changes: these five characters, U+00A0 to U+00FF, and surrogate pairs.
    private static readonly System.Buffers.SearchValues<char> s_encoded = System.Buffers.SearchValues.Create("<>&\"'");

    /// <summary>Appends <paramref name="part"/> HTML-encoded as <see cref="WebUtility.HtmlEncode(string)"/> does;
    /// most parts (plain words and spaces) need no encoding and are copied as they are.</summary>
    private static void AppendEncoded(StringBuilder html, ReadOnlySpan<char> part)
    {
        if (part.ContainsAny(s_encoded) || part.ContainsAnyInRange('\u00A0', '\u00FF') || part.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            html.Append(WebUtility.HtmlEncode(part.ToString()));
        }
        else
        {
            html.Append(part);
        }
    }

    /// <summary>
    /// Counts a search without an answer for this steunpunt's editors: only the words and the week. E-mail addresses,
    /// phone numbers, postcodes, dates, anything with a digit and capitalised words the site does not know (names)
    /// are dropped first; a week holds at most a set number of different searches; and <paramref name="person"/>
    /// (the searcher's address) is kept only as a short fingerprint for this week, to count different people.
    /// </summary>
    public async Task RecordUnansweredAsync(string query, string person, CancellationToken ct = default)
    {
        if (tenant.Id is null || !index.IsBuilt)
        {
            return;
        }
        var words = UnansweredWords(query);
        if (words.Length == 0)
        {
            return;
        }
        var today = clock.GetUtcNow().UtcDateTime;
        var week = $"{ISOWeek.GetYear(today)}-W{ISOWeek.GetWeekOfYear(today):00}";
        var who = Privacy.Fingerprint.Of("search-person:" + week, person)[..8];
        var threshold = options.Value.UnansweredSearchPeople;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var row = await db.UnansweredSearches.SingleOrDefaultAsync(u => u.Week == week && u.Query == words, ct);
            if (row is null)
            {
                if (await db.UnansweredSearches.CountAsync(u => u.Week == week, ct) >= options.Value.UnansweredSearchesPerWeek)
                {
                    return; // a flood of different searches is not stored
                }
                row = new UnansweredSearch { Query = words, Week = week };
                db.UnansweredSearches.Add(row);
            }
            row.Count++;
            if (row.People < threshold && !row.SeenBy.Split(',').Contains(who))
            {
                row.People++;
                row.SeenBy = row.People >= threshold ? "" : string.Join(',', row.SeenBy.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(who));
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (!Data.DatabaseFaults.IsOutage(e))
            {
                // Another request added the same row a moment ago; count on it instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The words of a search as they may be kept: folded, without personal details, digits or names.</summary>
    public string UnansweredWords(string query)
    {
        var kept = new List<string>();
        foreach (var word in Privacy.PersonalDetails.Without(query).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var folded = DutchText.Words(word).ToList();
            if (folded.Count == 0 || folded.Any(w => w.Any(char.IsDigit)))
            {
                continue;
            }
            // A capitalised word nobody wrote on this site is most likely a name (all capitals: an abbreviation). Words
            // of other steunpunten do not count: a name on another steunpunt's page is still a name here.
            var bare = word.TrimStart('"', '\'', '(');
            if (bare.Length > 0 && char.IsUpper(bare[0]) && bare.Skip(1).Any(char.IsLower)
                && folded.Any(w => !index.Shows(SearchSource.KeyOf(tenant.Id), w)))
            {
                continue;
            }
            kept.AddRange(folded.Where(w => !kept.Contains(w)));
        }
        var words = string.Join(' ', kept.Take(SearchQuery.MaxWords));
        return words.Length > 100 ? words[..100].TrimEnd() : words;
    }
}
