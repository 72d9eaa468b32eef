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
    private static readonly string[] s_textFields = [QuestionField, ShortField, BodyField];

    private volatile Generation? _current;

    /// <summary>How many tokens of national texts a generation keeps analysed: a few tens of MB at most, besides the
    /// texts themselves (the keys), which the index's sources hold anyway.</summary>
    private const long SharedTokenBudget = 500_000;

    private sealed class Generation(RAMDirectory directory, IndexWriter writer, SearcherManager searchers, DutchAnalysis analysis) : IDisposable
    {
        public IndexWriter Writer => writer;
        public SearcherManager Searchers => searchers;
        public DutchAnalysis Analysis => analysis;
        /// <summary>How often each word occurs in the documents indexed now: a replaced or deleted document takes its
        /// words back out (see <see cref="Indexed"/>).</summary>
        public ConcurrentDictionary<string, int> Vocabulary { get; } = new(StringComparer.Ordinal);
        // Spelling suggestions and typo expansions, remembered per content version: a new dictionary after every change
        // (not the old one emptied), so an answer worked out from the content before a change is never kept after it.
        public volatile ConcurrentDictionary<string, string?> SpellingCache = new(StringComparer.Ordinal);
        public volatile ConcurrentDictionary<string, (string Term, float Similarity)[]> TypoCache = new(StringComparer.Ordinal);
        /// <summary>What each word of the content analyses to (for marking results); the analysis never changes
        /// within a generation.</summary>
        public ConcurrentDictionary<string, string[]> WordTerms { get; } = new(StringComparer.Ordinal);
        /// <summary>The terms' places in the index of the current searcher (see <see cref="TermStates"/>).</summary>
        public volatile TermStates? States;
        /// <summary>Words and index terms grouped for typo look-ups, made on first use after each change.</summary>
        public volatile NearWords? Words;
        public volatile NearWords? Terms;
        private readonly Dictionary<(string Field, string Text), AnalyzedText> _shared = [];
        private long _sharedTokens;
        private int _version;
        public int Version => Volatile.Read(ref _version);
        // What each document added to the vocabulary, by site and document: its words (as numbers in _words) with
        // how often each occurs, packed as number << 8 | count. A replaced or deleted document subtracts exactly that.
        private readonly Dictionary<string, Dictionary<Guid, int[]>> _documentWords = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _wordNumbers = new(StringComparer.Ordinal);
        private readonly List<string> _words = [];
        private readonly Dictionary<int, int> _counting = [];
        private const int MaxWordNumbers = 1 << 24;
        // A national answer's words, counted once for all the sites that show it as it is.
        private readonly Dictionary<Guid, (string Text, int[] Packed)> _nationalWords = [];

        /// <summary>A document was indexed for a site: its words count in the vocabulary (instead of any earlier
        /// version's). <paramref name="national"/>: the text is a national answer's, the same in every site.</summary>
        public void Indexed(string site, Guid id, string text, bool national = false)
        {
            lock (_documentWords)
            {
                Removed(site, id);
                if (!national || !_nationalWords.TryGetValue(id, out var known) || known.Text != text)
                {
                    known = (text, Count(text));
                    if (national)
                    {
                        _nationalWords[id] = known;
                    }
                }
                foreach (var entry in known.Packed)
                {
                    Vocabulary.AddOrUpdate(_words[(int)((uint)entry >> 8)], static (_, add) => add, static (_, n, add) => n + add, entry & byte.MaxValue);
                }
                if (!_documentWords.TryGetValue(site, out var documents))
                {
                    documents = [];
                    _documentWords.Add(site, documents);
                }
                documents[id] = known.Packed;
            }
        }

        private int[] Count(string text)
        {
            _counting.Clear();
            foreach (var word in DutchText.Words(text))
            {
                if (word.Length >= 3 && word.All(char.IsLetter))
                {
                    if (!_wordNumbers.TryGetValue(word, out var number))
                    {
                        if (_words.Count >= MaxWordNumbers)
                        {
                            continue; // 16 million different words: no more are numbered (none of real content)
                        }
                        number = _words.Count;
                        _wordNumbers.Add(word, number);
                        _words.Add(word);
                    }
                    _counting[number] = _counting.GetValueOrDefault(number) + 1;
                }
            }
            var packed = new int[_counting.Count];
            var i = 0;
            foreach (var (number, count) in _counting)
            {
                packed[i++] = number << 8 | Math.Min(count, byte.MaxValue);
            }
            return packed;
        }

        /// <summary>Every document of a site was deleted from the index. Their words still count until
        /// <see cref="TakeOut"/> is given what this returns: done after the new documents are in, a word that is in the
        /// site before and after never drops out of the vocabulary meanwhile.</summary>
        public List<int[]> SiteRemoved(string site)
        {
            lock (_documentWords)
            {
                return _documentWords.Remove(site, out var documents) ? [.. documents.Values] : [];
            }
        }

        /// <summary>The documents with these ids were deleted from the index in every site; as
        /// <see cref="SiteRemoved"/>, their words count until <see cref="TakeOut"/>.</summary>
        public List<int[]> DocumentsRemoved(IEnumerable<Guid> ids)
        {
            lock (_documentWords)
            {
                var removed = new List<int[]>();
                foreach (var id in ids)
                {
                    foreach (var documents in _documentWords.Values)
                    {
                        if (documents.Remove(id, out var packed))
                        {
                            removed.Add(packed);
                        }
                    }
                }
                return removed;
            }
        }

        /// <summary>Takes the words of deleted documents out of the vocabulary.</summary>
        public void TakeOut(List<int[]> removed)
        {
            lock (_documentWords)
            {
                removed.ForEach(Uncount);
            }
        }

        private void Removed(string site, Guid id)
        {
            if (_documentWords.TryGetValue(site, out var documents) && documents.Remove(id, out var packed))
            {
                Uncount(packed);
            }
        }

        private void Uncount(int[] packed)
        {
            foreach (var entry in packed)
            {
                // Only this writer changes the counts (under the lock); readers see a word leave once none is left.
                var word = _words[(int)((uint)entry >> 8)];
                var left = Vocabulary.GetValueOrDefault(word) - (entry & byte.MaxValue);
                if (left > 0)
                {
                    Vocabulary[word] = left;
                }
                else
                {
                    Vocabulary.TryRemove(word, out _);
                }
            }
        }

        /// <summary>After a change: what was derived from the content is made again on first use.</summary>
        public void Changed()
        {
            Interlocked.Increment(ref _version);
            Words = null;
            Terms = null;
            SpellingCache = new(StringComparer.Ordinal);
            TypoCache = new(StringComparer.Ordinal);
        }

        /// <summary>A text of a national answer as a field of a new document: analysed once per generation (every site
        /// indexes the same national texts), at most about <see cref="SharedTokenBudget"/> tokens kept.</summary>
        public TextField SharedField(string name, string text)
        {
            AnalyzedText? analyzed;
            lock (_shared)
            {
                _shared.TryGetValue((name, text), out analyzed);
            }
            if (analyzed is null)
            {
                analyzed = AnalyzedText.Of(analysis, name, text);
                lock (_shared)
                {
                    if (_sharedTokens + analyzed.Count > SharedTokenBudget)
                    {
                        // Old versions of edited texts pile up over time: start again rather than keep them all.
                        _shared.Clear();
                        _sharedTokens = 0;
                    }
                    if (_shared.TryAdd((name, text), analyzed))
                    {
                        _sharedTokens += analyzed.Count;
                    }
                }
            }
            return new TextField(name, analyzed.Replay());
        }

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

    /// <summary>Whether the index is built (at start it is built while pages are already served).</summary>
    public bool IsBuilt => _current is not null;

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
                writer.AddDocument(ToDocument(generation, site.Key, article));
                generation.Indexed(site.Key, article.Id, Text(article), SameInEverySite(article));
            }
            foreach (var page in site.Pages)
            {
                writer.AddDocument(ToDocument(site.Key, page));
                generation.Indexed(site.Key, page.Id, Text(page));
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
            var removed = generation.SiteRemoved(site.Key);
            foreach (var article in site.Articles)
            {
                generation.Writer.AddDocument(ToDocument(generation, site.Key, article));
                generation.Indexed(site.Key, article.Id, Text(article), SameInEverySite(article));
            }
            foreach (var page in site.Pages)
            {
                generation.Writer.AddDocument(ToDocument(site.Key, page));
                generation.Indexed(site.Key, page.Id, Text(page));
            }
            generation.TakeOut(removed);
        }
        generation.Searchers.MaybeRefreshBlocking();
        generation.Changed();
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
        var removed = generation.DocumentsRemoved(articleIds);
        foreach (var site in source.Sites)
        {
            foreach (var article in site.Articles.Where(a => articleIds.Contains(a.Id)))
            {
                generation.Writer.AddDocument(ToDocument(generation, site.Key, article));
                generation.Indexed(site.Key, article.Id, Text(article), SameInEverySite(article));
            }
        }
        generation.TakeOut(removed);
        generation.Searchers.MaybeRefreshBlocking();
        generation.Changed();
        return Task.CompletedTask;
    }

    /// <summary>A national answer as every site shows it: not replaced by a steunpunt's own version, no supplement.</summary>
    private static bool SameInEverySite(Article a) => a.IsNational && !a.IsReplaced && string.IsNullOrEmpty(a.Supplement);

    private static string Text(Article a) => string.Join(' ', a.Question, a.ShortAnswer, a.Explanation, a.Supplement, a.WhatYouCanDo, a.WhoToGoTo);

    private static string Text(Information.RegionalPage p) => p.Title + " " + p.Body;

    private static Document ToDocument(Generation generation, string site, Article a)
    {
        // A national answer's texts are the same in every site, unless a steunpunt replaced the answer with its own
        // version or added a supplement (part of the body).
        var national = a.IsNational && !a.IsReplaced;
        var body = string.Join("\n", a.Explanation, a.Supplement, a.WhatYouCanDo, a.WhoToGoTo);
        return
        [
            new StringField(TenantField, site, Field.Store.NO),
            new StringField(IdField, a.Id.ToString("N"), Field.Store.YES),
            new StringField(AudienceField, a.Audience.ToString(), Field.Store.NO),
            national ? generation.SharedField(QuestionField, a.Question) : new TextField(QuestionField, a.Question, Field.Store.NO),
            national ? generation.SharedField(ShortField, a.ShortAnswer) : new TextField(ShortField, a.ShortAnswer, Field.Store.NO),
            national && string.IsNullOrEmpty(a.Supplement) ? generation.SharedField(BodyField, body) : new TextField(BodyField, body, Field.Store.NO),
        ];
    }

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
            var states = StatesOf(generation, searcher);
            var top = searcher.Search(states.Apply(filtered), take);
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
            var states = StatesOf(generation, searcher);
            return states.Of(new Term(BodyField, term)).DocFreq > 0 || states.Of(new Term(QuestionField, term)).DocFreq > 0
                || states.Of(new Term(ShortField, term)).DocFreq > 0;
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>Whether a site shows a word: the word's own analysed form is in one of the site's documents. A word
    /// the analysis drops (a stop word: "wat", "hoe", "mijn") is in every text and counts as shown. For a visitor's
    /// word, so nothing about it is remembered.</summary>
    public bool Shows(string site, string word)
    {
        var generation = Current;
        var terms = generation.Analysis.Terms(word);
        if (terms.Count == 0)
        {
            return true;
        }
        var anyField = new BooleanQuery();
        foreach (var field in s_textFields)
        {
            anyField.Add(new TermQuery(new Term(field, terms[0])), Occur.SHOULD);
        }
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(TenantField, site)), Occur.MUST },
            { anyField, Occur.MUST },
        };
        var searcher = generation.Searchers.Acquire();
        try
        {
            return searcher.Search(query, 1).TotalHits > 0;
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>The remembered term states of this searcher; those of an earlier searcher are dropped after a change.</summary>
    private static TermStates StatesOf(Generation generation, IndexSearcher searcher)
    {
        var states = generation.States;
        if (states is null || !states.IsOf(searcher))
        {
            states = new TermStates(searcher.TopReaderContext);
            generation.States = states;
        }
        return states;
    }

    private const int MaxWordTerms = 200_000;

    /// <summary>The analysed terms of one word of the content, remembered: marking a result's words needs no analysis
    /// (and, looked up by span, no string per word).</summary>
    public IReadOnlyList<string> TermsOf(ReadOnlySpan<char> word)
    {
        var generation = Current;
        if (generation.WordTerms.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var terms))
        {
            return terms;
        }
        var text = word.ToString();
        terms = [.. generation.Analysis.Terms(text)];
        if (generation.WordTerms.Count < MaxWordTerms)
        {
            generation.WordTerms.TryAdd(text, terms);
        }
        return terms;
    }

    /// <summary>The known word (of three letters or more) closest to <paramref name="word"/> within
    /// <paramref name="limit"/> edits, with the same first letter; the most frequent on a tie.</summary>
    public string? ClosestWord(string word, int limit) => WordsNear().Closest(word, limit);

    /// <summary>Typo expansions looked up per term: made once per content version, at most this many remembered.</summary>
    private const int MaxCachedTypos = 20_000;

    /// <summary>
    /// The indexed terms within <paramref name="maxEdits"/> edits of <paramref name="term"/> with the same first
    /// letter, fewest edits and most documents first, at most <see cref="SearchQuery.MaxTypoExpansions"/>, each with
    /// a weight that falls with its edits (as Lucene's fuzzy query weighs them). Remembered until the content
    /// changes, and found among terms of about the same length only, so even a new unknown word costs little.
    /// </summary>
    public IReadOnlyList<(string Term, float Similarity)> TermsNear(string term, int maxEdits)
    {
        var cache = Current.TypoCache; // taken before the terms: what is worked out goes with the version it came from
        var key = term + "\u0001" + maxEdits.ToString(CultureInfo.InvariantCulture);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var near = NearTerms().Near(term, maxEdits, SearchQuery.MaxTypoExpansions)
            .Select(n => (n.Word, 1f - ((float)n.Distance / Math.Min(n.Word.Length, term.Length)))).ToArray();
        if (cache.Count < MaxCachedTypos)
        {
            cache.TryAdd(key, near);
        }
        return near;
    }

    private NearWords WordsNear() => OncePerVersion(g => g.Words, (g, made) => g.Words = made, (g, version) => new NearWords(g.Vocabulary, version));

    private NearWords NearTerms() => OncePerVersion(g => g.Terms, (g, made) => g.Terms = made, IndexTerms);

    /// <summary>What is derived from the content of the current generation, made on first use after each change.</summary>
    private NearWords OncePerVersion(Func<Generation, NearWords?> read, Action<Generation, NearWords> keep, Func<Generation, int, NearWords> make)
    {
        var generation = Current;
        var version = generation.Version;
        if (read(generation) is { } made && made.Version == version)
        {
            return made;
        }
        made = make(generation, version);
        keep(generation, made);
        return made;
    }

    private static NearWords IndexTerms(Generation generation, int version)
    {
        var searcher = generation.Searchers.Acquire();
        try
        {
            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var field in s_textFields)
            {
                var fieldTerms = MultiFields.GetTerms(searcher.IndexReader, field);
                if (fieldTerms is null)
                {
                    continue;
                }
                var e = fieldTerms.GetEnumerator();
                while (e.MoveNext())
                {
                    var text = e.Term.Utf8ToString();
                    found[text] = found.GetValueOrDefault(text) + e.DocFreq;
                }
            }
            return new NearWords(found, version);
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>Spelling suggestions per word, remembered until the content changes (a new dictionary after every
    /// change: take it once per use).</summary>
    public ConcurrentDictionary<string, string?> SpellingCache => Current.SpellingCache;

    /// <summary>How often a (folded) word occurs in the indexed content; 0 when unknown.</summary>
    public int Frequency(string word) => Current.Vocabulary.GetValueOrDefault(word);

    public IEnumerable<KeyValuePair<string, int>> Vocabulary => Current.Vocabulary;

    public void Dispose() => _current?.Dispose();
}

/// <summary>
/// Words grouped by first letter and length, most frequent first, for typo look-ups: a word is compared only with
/// words that could be within the edit limit, not with the whole vocabulary, so an unknown word costs little.
/// </summary>
public sealed class NearWords
{
    private readonly Dictionary<(char First, int Length), (string Word, int Count)[]> _groups;

    public NearWords(IEnumerable<KeyValuePair<string, int>> words, int version)
    {
        Version = version;
        _groups = words.Where(w => w.Key.Length > 0 && w.Value > 0)
            .GroupBy(w => (w.Key[0], w.Key.Length))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal)
                .Select(w => (w.Key, w.Value)).ToArray());
    }

    /// <summary>The content version these words were read at.</summary>
    public int Version { get; }

    /// <summary>Up to <paramref name="take"/> words within <paramref name="limit"/> edits with the same first letter:
    /// fewest edits, then most frequent, then alphabetical.</summary>
    public IReadOnlyList<(string Word, int Distance)> Near(string word, int limit, int take)
    {
        var found = new List<(string Word, int Count, int Distance)>();
        if (word.Length == 0)
        {
            return [];
        }
        for (var length = Math.Max(1, word.Length - limit); length <= word.Length + limit; length++)
        {
            if (_groups.TryGetValue((word[0], length), out var group))
            {
                foreach (var (candidate, count) in group)
                {
                    var distance = Typos.Distance(word, candidate, limit);
                    if (distance <= limit)
                    {
                        found.Add((candidate, count, distance));
                    }
                }
            }
        }
        return [.. found.OrderBy(f => f.Distance).ThenByDescending(f => f.Count).ThenBy(f => f.Word, StringComparer.Ordinal)
            .Take(take).Select(f => (f.Word, f.Distance))];
    }

    /// <summary>The closest word within <paramref name="limit"/> edits with the same first letter (fewest edits, then
    /// most frequent, then alphabetical); null when none.</summary>
    public string? Closest(string word, int limit)
    {
        if (word.Length == 0)
        {
            return null;
        }
        (string Word, int Count, int Distance)? best = null;
        for (var length = Math.Max(1, word.Length - limit); length <= word.Length + limit; length++)
        {
            if (!_groups.TryGetValue((word[0], length), out var group))
            {
                continue;
            }
            foreach (var (candidate, count) in group)
            {
                // Most frequent first: a later word of the same group wins only with fewer edits.
                var distance = Typos.Distance(word, candidate, best is { } b ? Math.Min(limit, b.Distance) : limit);
                if (distance > limit || best is { } current && (distance > current.Distance
                    || distance == current.Distance && (count < current.Count || count == current.Count && string.CompareOrdinal(candidate, current.Word) > 0)))
                {
                    continue;
                }
                best = (candidate, count, distance);
            }
        }
        return best?.Word;
    }
}

/// <summary>
/// Where each term of a query is in the index (per segment), looked up once per searcher instead of on every search:
/// Lucene looks a term up in the term dictionary of every segment each time a query uses it, and a search uses the
/// same few hundred terms (its words in three fields, their expansions) again and again. A query with remembered
/// states scores exactly as one without (the states carry the same document frequencies). States belong to one
/// searcher: after a change the index has a new searcher and <see cref="SearchIndex"/> starts new states for it
/// (states of an old searcher would carry old document frequencies).
/// </summary>
internal sealed class TermStates(IndexReaderContext top)
{
    private const int MaxTerms = 100_000;
    private readonly ConcurrentDictionary<Term, TermContext> _states = new();
    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int _count;

    public bool IsOf(IndexSearcher searcher) => ReferenceEquals(searcher.TopReaderContext, top);

    /// <summary>How many terms' states are remembered.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The term's states in every segment; a term in no document has document frequency 0.</summary>
    public TermContext Of(Term term)
    {
        if (_states.TryGetValue(term, out var state))
        {
            return state;
        }
        state = TermContext.Build(top, term);
        // Only terms that are in the index are remembered: what people type that is in no document (typos, names,
        // new words) has no end, and would fill the memory with nothing.
        if (state.DocFreq > 0 && Volatile.Read(ref _count) < MaxTerms && _states.TryAdd(term, state))
        {
            Interlocked.Increment(ref _count);
        }
        return state;
    }

    /// <summary>The same query, with every term query carrying its remembered states.</summary>
    public Query Apply(Query query)
    {
        switch (query)
        {
            case TermQuery t:
                return new TermQuery(t.Term, Of(t.Term)) { Boost = t.Boost };
            case BooleanQuery b:
                var copy = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
                foreach (var clause in b.Clauses)
                {
                    copy.Add(Apply(clause.Query), clause.Occur);
                }
                return copy;
            case DisjunctionMaxQuery d:
                var max = new DisjunctionMaxQuery(d.TieBreakerMultiplier) { Boost = d.Boost };
                foreach (var disjunct in d.Disjuncts)
                {
                    max.Add(Apply(disjunct));
                }
                return max;
            default:
                return query;
        }
    }
}
