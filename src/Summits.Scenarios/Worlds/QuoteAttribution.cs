using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Who the source attributes each of its lines to, read the way a briefing is read (see <see cref="Briefing"/>):
/// a line "Abe: …" is Abe's; a line opening "Abe, Trump …" or "The two leaders …" (and a "They …" line after
/// one) is joint; any other line is narration, attributed to nobody. A position's quotes must stand on lines
/// attributed to its speaker: its own lines or joint lines it is party to for a leader, joint lines for
/// <c>both</c>, narration for <c>none</c>.
/// </summary>
public sealed class QuoteAttribution
{
    private readonly Dictionary<int, BriefingStatement> _byLine = [];

    private QuoteAttribution(SourceText source)
    {
        Source = source;
        foreach (var statement in Briefing.Read(source).Statements)
            _byLine.TryAdd(statement.Location.Line, statement);
    }

    public SourceText Source { get; }

    public static QuoteAttribution Of(SourceText source) => new(source);

    /// <summary>The speaker of the line a quote stands on: a leader's name, <c>both</c>, or <c>none</c> for narration.</summary>
    public string SpeakerOf(SourceLocation location) =>
        !_byLine.TryGetValue(location.Line, out var statement) ? Provenance.Nobody
        : statement.Kind == PositionKind.Joint ? Provenance.Both
        : statement.Speakers[0];

    /// <summary>True when the line of <paramref name="location"/> may be quoted for a position whose speaker is <paramref name="speaker"/>.</summary>
    public bool Supports(string speaker, SourceLocation location)
    {
        if (!_byLine.TryGetValue(location.Line, out var statement))
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
            Provenance.Both => $"a joint line of {string.Join(" and ", _byLine[quote.Location.Line].Speakers)} (speaker 'both')",
            _ => $"{said}'s own line (speaker '{said}')",
        };
        return $"this quote stands on line {quote.Location.Line} of {Source.Path}, which is {by}, not the position's speaker '{speaker}'; " +
            $"set the position's speaker to '{said}' or quote a line of '{speaker}'";
    }
}
