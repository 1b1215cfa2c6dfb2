using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Who the source attributes each of its sentences to, read the way a briefing is read (see <see cref="Briefing"/>):
/// a sentence labelled "Abe: …" or whose subject is Abe is Abe's; one labelled "Abe, Trump: …" or opening
/// "Abe, Trump …", "The two leaders …" or "They …" is joint; any other sentence, and one saying a subject was
/// not discussed, is narration, attributed to nobody. A position's quotes must stand in sentences attributed
/// to its speaker: its own or joint ones it is party to for a leader, joint ones for <c>both</c>, narration
/// for <c>none</c>.
/// </summary>
public sealed class QuoteAttribution
{
    private readonly Dictionary<int, List<BriefingStatement>> _byLine = [];

    private QuoteAttribution(SourceText source)
    {
        Source = source;
        // Not-discussed sentences are kept, as narration, so that a quote of one is not taken for a
        // statement later on its line.
        foreach (var statement in Briefing.Read(source).Statements)
        {
            if (!_byLine.TryGetValue(statement.Location.Line, out var onLine))
                _byLine[statement.Location.Line] = onLine = [];
            onLine.Add(statement);
        }
    }

    public SourceText Source { get; }

    public static QuoteAttribution Of(SourceText source) => new(source);

    /// <summary>The speaker of the line a quote stands on: a leader's name, <c>both</c>, or <c>none</c> for narration.</summary>
    public string SpeakerOf(SourceLocation location) =>
        At(location) is not { } statement ? Provenance.Nobody
        : statement.Kind == PositionKind.Joint ? Provenance.Both
        : statement.Speakers[0];

    /// <summary>True when the line of <paramref name="location"/> may be quoted for a position whose speaker is <paramref name="speaker"/>.</summary>
    public bool Supports(string speaker, SourceLocation location)
    {
        if (At(location) is not { } statement)
            return speaker == Provenance.Nobody;
        if (statement.Kind == PositionKind.Joint)
            return speaker == Provenance.Both || statement.Involves(speaker);
        return statement.Speakers[0] == speaker;
    }

    /// <summary>Why the quote cannot support a position of <paramref name="speaker"/>, as the second half of an error line.</summary>
    public string Mismatch(string speaker, Quote quote)
    {
        var said = SpeakerOf(quote.Location);
        var by = said switch
        {
            Provenance.Nobody => "narration, attributed to nobody (speaker 'none')",
            Provenance.Both => $"a joint line of {string.Join(" and ", At(quote.Location)!.Speakers)} (speaker 'both')",
            _ => $"{said}'s own line (speaker '{said}')",
        };
        return $"this quote stands on line {quote.Location.Line} of {Source.Path}, which is {by}, not the position's speaker '{speaker}'; " +
            $"set the position's speaker to '{said}' or quote a line of '{speaker}'";
    }

    /// <summary>
    /// The attributed sentence a quote starts in: the last on its line that starts at or before it (a quote
    /// that takes in a line's "Abe:" label belongs to the sentence after it), unless the quote starts past
    /// that sentence's end, in a sentence left unattributed.
    /// </summary>
    private BriefingStatement? At(SourceLocation location)
    {
        if (!_byLine.TryGetValue(location.Line, out var onLine))
            return null;
        var statement = onLine.LastOrDefault(s => s.Location.Column <= location.Column) ?? onLine[0];
        return statement.Kind != PositionKind.NotDiscussed && location.Column < statement.Location.Column + statement.Text.Length ? statement : null;
    }
}
