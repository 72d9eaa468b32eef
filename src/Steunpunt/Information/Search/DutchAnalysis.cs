using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Steunpunt.Information.Search;

/// <summary>
/// Dutch text analysis for search: lower case, diacritics folded (financiële → financiele), compounds split
/// against a dictionary (leerlingenvervoer → leerlingenvervoer, leerlingen, vervoer), Dutch stop words removed,
/// and Snowball's Dutch stemmer (scholen → schol, school → schol). Index and queries use the same chain.
/// </summary>
public sealed class DutchAnalysis(CharArraySet compoundParts) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Lucene's Dutch stop words, except the words that carry a parent's meaning ("niet eens", "geen school").</summary>
    public static readonly CharArraySet StopWords = CreateStopWords();

    private static CharArraySet CreateStopWords()
    {
        var keep = new[] { "niet", "eens", "geen", "zonder", "tegen", "ziek", "wil", "moet", "kan", "mag" };
        var set = new CharArraySet(Version, 128, ignoreCase: true);
        foreach (var word in DutchAnalyzer.DefaultStopSet)
        {
            var text = word;
            if (!keep.Contains(text))
            {
                set.Add(text);
            }
        }
        return set.AsReadOnly();
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new CompoundPartsFilter(stream, compoundParts);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The terms a text turns into, in order (compound parts follow their whole word).</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("q", new StringReader(text));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }

    /// <summary>Builds the compound dictionary: the shipped word list plus every word in the content.</summary>
    public static CharArraySet CompoundParts(IEnumerable<string> contentWords)
    {
        var assembly = typeof(DutchAnalysis).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("words-nl.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var words = new CharArraySet(Version, 2048, ignoreCase: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }
        foreach (var word in contentWords)
        {
            // Short words split too eagerly ("en", "de"); stop words are no compound parts.
            if (word.Length >= 4 && !StopWords.Contains(word))
            {
                words.Add(word);
            }
        }
        return words;
    }
}

/// <summary>
/// Adds a compound's parts after the word: at each place in the word, the longest dictionary word that starts there
/// (three to twenty letters, in words of eight letters or more), as Lucene's DictionaryCompoundWordTokenFilter does,
/// with one difference. The dictionary holds every word of the content, compounds too, so at the start of such a
/// word Lucene's filter found the word itself as the longest match and never its first part: "leerlingenvervoer"
/// gave no "leerlingen", and a search for "leerlingen" missed every text that only had the compound. For a word that
/// is itself in the dictionary, the first part is now the longest dictionary word after which another dictionary word
/// begins (after a linking s, as in "samenwerkingsverband"): "leerlingen" + "vervoer", but no "zorg" in "zorgvuldig"
/// and no "leer" in "leerlingen". Any other word is split exactly as Lucene's filter splits it.
/// </summary>
internal sealed class CompoundPartsFilter(TokenStream input, CharArraySet dictionary)
    : CompoundWordTokenFilterBase(DutchAnalysis.Version, input, dictionary, minWordSize: 8, minSubwordSize: 3, maxSubwordSize: 20, onlyLongestMatch: true)
{
    protected override void Decompose()
    {
        var length = m_termAtt.Length;
        var known = length <= m_maxSubwordSize && m_dictionary.Contains(m_termAtt.Buffer, 0, length);
        if (known)
        {
            for (var size = length - m_minSubwordSize; size >= m_minSubwordSize; size--)
            {
                if (m_dictionary.Contains(m_termAtt.Buffer, 0, size)
                    && (WordStartsAt(size) || (m_termAtt.Buffer[size] == 's' && WordStartsAt(size + 1))))
                {
                    m_tokens.Enqueue(new CompoundToken(this, 0, size));
                    break;
                }
            }
        }
        for (var start = known ? 1 : 0; start <= length - m_minSubwordSize; start++)
        {
            if (LongestWordAt(start) is > 0 and var longest)
            {
                m_tokens.Enqueue(new CompoundToken(this, start, longest));
            }
        }
    }

    private bool WordStartsAt(int start) => LongestWordAt(start) > 0;

    /// <summary>The length of the longest dictionary word that starts at <paramref name="start"/>; 0 when none does.</summary>
    private int LongestWordAt(int start)
    {
        var longest = 0;
        for (var size = m_minSubwordSize; size <= m_maxSubwordSize && start + size <= m_termAtt.Length; size++)
        {
            if (m_dictionary.Contains(m_termAtt.Buffer, start, size))
            {
                longest = size;
            }
        }
        return longest;
    }
}
