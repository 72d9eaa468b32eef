using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information.Search;

/// <summary>The search of the site being visited: its national items plus its own regional layer.</summary>
public sealed class SiteSearch(SearchIndex index, InformationCatalog catalog, SteunpuntDb db, CurrentTenant tenant, TimeProvider clock)
{
    public const int MaxQueryLength = 200;

    public sealed record Result(Article Article, IHtmlContent MarkedShortAnswer);

    public sealed record Outcome(string Query, IReadOnlyList<Result> Results, string? DidYouMean);

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
        var glossary = await catalog.GlossaryAsync(ct);
        var synonyms = await catalog.SynonymsAsync(ct);
        // A likely typo also searches for the word it probably meant ("Bedoelde je …?").
        var suggestion = Spelling.Suggest(query, index);
        var expansion = new QueryExpansion(glossary, synonyms).Expand(suggestion is null ? query : query + " " + suggestion) + " " + suggestion;
        var lucene = SearchQuery.Build(index.Analysis, query, expansion, index.Knows);
        var hits = lucene is null ? [] : index.Search(SearchSource.KeyOf(tenant.Id), lucene, audience, take);

        var articles = (await catalog.ArticlesAsync(ct)).ToDictionary(a => a.Id);
        // Mark words that match a whole word of the query (not a mere compound part of one).
        var marked = SearchQuery.Tokens(index.Analysis, query + " " + expansion).GroupBy(t => t.Position)
            .Select(g => g.First().Term).ToHashSet(StringComparer.Ordinal);
        var results = hits.Where(h => articles.ContainsKey(h.ArticleId))
            .Select(h => new Result(articles[h.ArticleId], Mark(articles[h.ArticleId].ShortAnswer, marked)))
            .ToList();
        return new Outcome(query, results, suggestion);
    }

    /// <summary>Wraps the words of a text that match the query (after analysis) in &lt;mark&gt;; the rest is encoded.</summary>
    public IHtmlContent Mark(string text, IReadOnlySet<string> terms)
    {
        var html = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var isWord = char.IsLetterOrDigit(text[i]);
            while (i < text.Length && char.IsLetterOrDigit(text[i]) == isWord)
            {
                i++;
            }
            var part = text[start..i];
            var encoded = WebUtility.HtmlEncode(part);
            if (isWord && index.Analysis.Terms(part).Any(terms.Contains))
            {
                html.Append("<mark>").Append(encoded).Append("</mark>");
            }
            else
            {
                html.Append(encoded);
            }
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>Counts a search without an answer for this steunpunt's editors: only the words and the week.</summary>
    public async Task RecordUnansweredAsync(string query, CancellationToken ct = default)
    {
        if (tenant.Id is null)
        {
            return;
        }
        var words = string.Join(' ', DutchText.Words(query));
        if (words.Length == 0)
        {
            return;
        }
        words = words.Length > MaxQueryLength ? words[..MaxQueryLength] : words;
        var today = clock.GetUtcNow().UtcDateTime;
        var week = $"{ISOWeek.GetYear(today)}-W{ISOWeek.GetWeekOfYear(today):00}";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var counted = await db.UnansweredSearches.Where(u => u.Week == week && u.Query == words)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Count, u => u.Count + 1), ct);
            if (counted > 0)
            {
                return;
            }
            try
            {
                db.UnansweredSearches.Add(new UnansweredSearch { Query = words, Week = week, Count = 1 });
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
            {
                // Another request added the same row a moment ago; count on it instead.
                db.ChangeTracker.Clear();
            }
        }
    }
}
