using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Steunpunt.Information.Search;

/// <summary>
/// The in-process search index of this app instance: Lucene in memory, one document per article per site.
/// Every instance builds its own from the database and keeps it fresh from the content-change log, so any
/// number of instances give the same answers on either database provider.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string TenantField = "site";
    private const string IdField = "id";
    private const string AudienceField = "audience";
    private const string KindField = "kind";
    private const string PageKind = "page";
    public const string QuestionField = "question";
    public const string ShortField = "short";
    public const string BodyField = "body";

    private volatile Generation? _current;

    private sealed class Generation(RAMDirectory directory, IndexWriter writer, SearcherManager searchers, DutchAnalysis analysis) : IDisposable
    {
        public IndexWriter Writer => writer;
        public SearcherManager Searchers => searchers;
        public DutchAnalysis Analysis => analysis;
        public ConcurrentDictionary<string, int> Vocabulary { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, string?> SpellingCache { get; } = new(StringComparer.Ordinal);

        public void Dispose()
        {
            searchers.Dispose();
            writer.Dispose();
            analysis.Dispose();
            directory.Dispose();
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }

    public DutchAnalysis Analysis => Current.Analysis;

    private Generation Current => _current ?? throw new InvalidOperationException("The search index has not been built yet.");

    /// <summary>A new index from everything: also renews the compound dictionary from the content.</summary>
    public Task RebuildAsync(SearchSource source)
    {
        var words = source.Sites.SelectMany(s => s.Articles.Select(Text).Concat(s.Pages.Select(Text)))
            .SelectMany(DutchText.Words).ToHashSet(StringComparer.Ordinal);
        var analysis = new DutchAnalysis(DutchAnalysis.CompoundParts(words));
        var directory = new RAMDirectory();
        var writer = new IndexWriter(directory, new IndexWriterConfig(DutchAnalysis.Version, analysis)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        });
        var generation = new Generation(directory, writer, new SearcherManager(writer, true, new Bm25SearcherFactory()), analysis);
        foreach (var site in source.Sites)
        {
            foreach (var article in site.Articles)
            {
                writer.AddDocument(ToDocument(site.Key, article));
                Count(generation, Text(article));
            }
            foreach (var page in site.Pages)
            {
                writer.AddDocument(ToDocument(site.Key, page));
                Count(generation, Text(page));
            }
        }
        writer.Commit();
        generation.Searchers.MaybeRefreshBlocking();
        var old = Interlocked.Exchange(ref _current, generation);
        old?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Replaces the documents of the sites in <paramref name="source"/>.</summary>
    public Task ReplaceAsync(SearchSource source)
    {
        var generation = Current;
        foreach (var site in source.Sites)
        {
            generation.Writer.DeleteDocuments(new Term(TenantField, site.Key));
            foreach (var article in site.Articles)
            {
                generation.Writer.AddDocument(ToDocument(site.Key, article));
                Count(generation, Text(article));
            }
            foreach (var page in site.Pages)
            {
                generation.Writer.AddDocument(ToDocument(site.Key, page));
                Count(generation, Text(page));
            }
        }
        generation.Searchers.MaybeRefreshBlocking();
        generation.SpellingCache.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Replaces the documents of the given articles in every site (after a national item changed).</summary>
    public Task ReplaceItemsAsync(IReadOnlyList<Guid> articleIds, SearchSource source)
    {
        var generation = Current;
        foreach (var id in articleIds)
        {
            generation.Writer.DeleteDocuments(new Term(IdField, id.ToString("N")));
        }
        foreach (var site in source.Sites)
        {
            foreach (var article in site.Articles.Where(a => articleIds.Contains(a.Id)))
            {
                generation.Writer.AddDocument(ToDocument(site.Key, article));
                Count(generation, Text(article));
            }
        }
        generation.Searchers.MaybeRefreshBlocking();
        generation.SpellingCache.Clear();
        return Task.CompletedTask;
    }

    private static string Text(Article a) => string.Join(' ', a.Question, a.ShortAnswer, a.Explanation, a.Supplement, a.WhatYouCanDo, a.WhoToGoTo);

    private static string Text(Information.RegionalPage p) => p.Title + " " + p.Body;

    private static void Count(Generation generation, string text)
    {
        foreach (var word in DutchText.Words(text))
        {
            if (word.Length >= 3 && word.All(char.IsLetter))
            {
                generation.Vocabulary.AddOrUpdate(word, 1, (_, n) => n + 1);
            }
        }
    }

    private static Document ToDocument(string site, Article a) =>
    [
        new StringField(TenantField, site, Field.Store.NO),
        new StringField(IdField, a.Id.ToString("N"), Field.Store.YES),
        new StringField(AudienceField, a.Audience.ToString(), Field.Store.NO),
        new TextField(QuestionField, a.Question, Field.Store.NO),
        new TextField(ShortField, a.ShortAnswer, Field.Store.NO),
        new TextField(BodyField, string.Join("\n", a.Explanation, a.Supplement, a.WhatYouCanDo, a.WhoToGoTo), Field.Store.NO),
    ];

    /// <summary>One of a steunpunt's own pages (over ons, privacy, the route): found like an answer, for both audiences.</summary>
    private static Document ToDocument(string site, Information.RegionalPage p) =>
    [
        new StringField(TenantField, site, Field.Store.NO),
        new StringField(IdField, p.Id.ToString("N"), Field.Store.YES),
        new StringField(KindField, PageKind, Field.Store.YES),
        new StringField(AudienceField, nameof(Audience.Ouders), Field.Store.NO),
        new StringField(AudienceField, nameof(Audience.Jongeren), Field.Store.NO),
        new TextField(QuestionField, p.Title, Field.Store.NO),
        new TextField(BodyField, p.Body, Field.Store.NO),
    ];

    /// <summary>A found answer, or (<see cref="IsPage"/>) one of the steunpunt's own pages.</summary>
    public sealed record Hit(Guid ArticleId, float Score, bool IsPage = false);

    /// <summary>Runs a query built by <see cref="SearchQuery"/> within one site.</summary>
    public IReadOnlyList<Hit> Search(string site, Query query, Audience? audience, int take)
    {
        var generation = Current;
        var filtered = new BooleanQuery
        {
            { new TermQuery(new Term(TenantField, site)) { Boost = 0 }, Occur.MUST },
            { query, Occur.MUST },
        };
        if (audience is { } chosen)
        {
            filtered.Add(new TermQuery(new Term(AudienceField, chosen.ToString())) { Boost = 0 }, Occur.MUST);
        }
        else
        {
            // Without a choice the visitor is most likely a parent: parents' items win a close call.
            filtered.Add(new TermQuery(new Term(AudienceField, nameof(Audience.Ouders))) { Boost = 0.5f }, Occur.SHOULD);
        }
        var searcher = generation.Searchers.Acquire();
        try
        {
            var top = searcher.Search(filtered, take);
            return top.ScoreDocs.Select(d =>
            {
                var doc = searcher.Doc(d.Doc);
                return new Hit(Guid.ParseExact(doc.Get(IdField, CultureInfo.InvariantCulture), "N"), d.Score, doc.Get(KindField, CultureInfo.InvariantCulture) == PageKind);
            }).ToList();
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>Whether an analysed term occurs anywhere in the index (typo tolerance is only for unknown words).</summary>
    public bool Knows(string term)
    {
        var generation = Current;
        var searcher = generation.Searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            return reader.DocFreq(new Term(BodyField, term)) > 0 || reader.DocFreq(new Term(QuestionField, term)) > 0
                || reader.DocFreq(new Term(ShortField, term)) > 0;
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>Spelling suggestions per word, remembered until the content changes.</summary>
    public ConcurrentDictionary<string, string?> SpellingCache => Current.SpellingCache;

    /// <summary>How often a (folded) word occurs in the indexed content; 0 when unknown.</summary>
    public int Frequency(string word) => Current.Vocabulary.GetValueOrDefault(word);

    public IEnumerable<KeyValuePair<string, int>> Vocabulary => Current.Vocabulary;

    public void Dispose() => _current?.Dispose();
}
