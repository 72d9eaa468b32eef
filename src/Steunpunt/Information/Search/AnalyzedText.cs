using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Steunpunt.Information.Search;

/// <summary>
/// A text as the analysis turned it into tokens (term, position increment, offsets), kept so that the same text can
/// be indexed again without analysing it again. Every site shows the national answers, so each national text is in
/// the index once per site: at national scale a hundred texts a hundred and fifty times over, and again for each new
/// steunpunt. The tokens are replayed exactly as the analysis made them, so the index (positions, norms, scores) is
/// the same as when the text is analysed anew.
/// </summary>
internal sealed class AnalyzedText
{
    private readonly string[] _terms;
    private readonly int[] _increments;
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int _finalOffset;
    private readonly int _finalIncrement;

    private AnalyzedText(string[] terms, int[] increments, int[] starts, int[] ends, int finalOffset, int finalIncrement) =>
        (_terms, _increments, _starts, _ends, _finalOffset, _finalIncrement) = (terms, increments, starts, ends, finalOffset, finalIncrement);

    public int Count => _terms.Length;

    /// <summary>Runs the analysis over the text once and keeps what it made.</summary>
    public static AnalyzedText Of(Analyzer analysis, string field, string text)
    {
        var terms = new List<string>();
        var increments = new List<int>();
        var starts = new List<int>();
        var ends = new List<int>();
        using var stream = analysis.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
            increments.Add(increment.PositionIncrement);
            starts.Add(offset.StartOffset);
            ends.Add(offset.EndOffset);
        }
        stream.End();
        return new AnalyzedText([.. terms], [.. increments], [.. starts], [.. ends], offset.EndOffset, increment.PositionIncrement);
    }

    /// <summary>A token stream that gives the kept tokens again (a new one per field: a stream is read once).</summary>
    public TokenStream Replay() => new ReplayStream(this);

    private sealed class ReplayStream : TokenStream
    {
        private readonly AnalyzedText _text;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offset;
        private int _next;

        public ReplayStream(AnalyzedText text)
        {
            _text = text;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next >= _text._terms.Length)
            {
                return false;
            }
            ClearAttributes();
            _term.SetEmpty().Append(_text._terms[_next]);
            _increment.PositionIncrement = _text._increments[_next];
            _offset.SetOffset(_text._starts[_next], _text._ends[_next]);
            _next++;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_text._finalOffset, _text._finalOffset);
            _increment.PositionIncrement = _text._finalIncrement;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
