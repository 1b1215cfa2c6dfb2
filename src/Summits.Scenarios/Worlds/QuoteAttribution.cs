using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Who the source attributes each of its sentences to, read the way a briefing is read (see <see cref="Briefing"/>):
/// a sentence labelled "Abe: …" or whose subject is Abe is Abe's; one labelled "Abe, Trump: …" or opening
/// "Abe, Trump …", "The two leaders …" or "They …" is joint; any other sentence, and one saying a subject was
/// not discussed, is narration, attributed to nobody. A position's quotes must stand in sentences attributed
/// to its speaker and to no one else: a leader's own for a leader, joint ones for <c>both</c>, narration for
/// <c>none</c>. A joint line is not one leader's words, so it never supports one leader's position; it is
/// quoted by an agreement or by a position whose speaker is <c>both</c>.
/// </summary>
public sealed class QuoteAttribution
{
    private readonly Dictionary<int, List<BriefingStatement>> _byLine = [];

    private QuoteAttribution(SourceText source, IReadOnlyCollection<string>? leaders)
    {
        Source = source;
        // Not-discussed sentences are kept, as narration, so that a quote of one is not taken for a
        // statement later on its line.
        foreach (var statement in Briefing.Read(source, leaders).Statements)
        {
            if (!_byLine.TryGetValue(statement.Location.Line, out var onLine))
                _byLine[statement.Location.Line] = onLine = [];
            onLine.Add(statement);
        }
    }

    public SourceText Source { get; }

    /// <summary>Reads who the source attributes each sentence to.</summary>
    /// <param name="source">The readout.</param>
    /// <param name="leaders">
    /// The leaders a world names as its actors' speakers (short names such as "Abe"), known before the readout is
    /// read: a joint line ("Abe, Trump confirmed …") names them as its subject even where no line is labelled with
    /// one of them ("Trump: …"). Null or empty: only the leaders the readout itself introduces.
    /// </param>
    public static QuoteAttribution Of(SourceText source, IReadOnlyCollection<string>? leaders = null) => new(source, leaders);

    /// <summary>The speaker of the line a quote stands on: a leader's name, <c>both</c>, or <c>none</c> for narration.</summary>
    public string SpeakerOf(SourceLocation location) =>
        At(location) is not { } statement ? Provenance.Nobody
        : statement.Kind == PositionKind.Joint ? Provenance.Both
        : statement.Speakers[0];

    /// <summary>True when the line of <paramref name="location"/> may be quoted for a position whose speaker is <paramref name="speaker"/>: the line is attributed to that speaker.</summary>
    public bool Supports(string speaker, SourceLocation location) => SpeakerOf(location) == speaker;

    /// <summary>
    /// The numbers of the source's lines holding a sentence attributed to <paramref name="speaker"/> (a leader's
    /// name or <c>both</c>), in order; empty for <c>none</c>, whose narration is every other line.
    /// </summary>
    public IReadOnlyList<int> LinesOf(string speaker) =>
        [.. _byLine.Where(line => line.Value.Any(s => Attributed(s) == speaker)).Select(line => line.Key).Order()];

    /// <summary>
    /// Why the quote cannot support a position of <paramref name="speaker"/> and <paramref name="kind"/>, as the
    /// second half of an error line: whose line it is, the lines the speaker may quote, and the ways to fix it.
    /// </summary>
    public string Mismatch(string speaker, PositionKind kind, Quote quote)
    {
        var said = SpeakerOf(quote.Location);
        var by = said switch
        {
            Provenance.Nobody => "narration, attributed to nobody (speaker 'none')",
            Provenance.Both => $"a joint line of {Listed.And(At(quote.Location)!.Speakers)} (speaker 'both')",
            _ => $"{said}'s own line (speaker '{said}')",
        };
        var lines = LinesOf(speaker);
        var listed = lines.Count == 0 ? "there are none"
            : lines.Count <= 12 ? $"line{(lines.Count == 1 ? "" : "s")} {And(lines)}"
            : $"lines {string.Join(", ", lines.Take(12))} and {lines.Count - 12} more";
        var valid = speaker switch
        {
            Provenance.Nobody => "narration, lines attributed to no one",
            Provenance.Both => $"joint lines ({listed})",
            _ => $"lines of '{speaker}' ({listed})",
        };
        var own = speaker switch
        {
            Provenance.Both => "quote a joint line",
            Provenance.Nobody => "quote narration",
            _ => $"quote a line of '{speaker}'",
        };
        var fix = said switch
        {
            Provenance.Both => $"a joint line belongs in an agreement's 'quote' or in a position with speaker 'both' (kind 'joint' or 'inferred'); or {own}",
            Provenance.Nobody => $"set the position's speaker to 'none'{(kind is PositionKind.Stated or PositionKind.Joint ? " with kind 'inferred'" : "")} or {own}",
            _ => $"set the position's speaker to '{said}'{(kind == PositionKind.Joint ? " with kind 'stated' or 'inferred'" : "")} or {own}",
        };
        return $"this quote stands on line {quote.Location.Line} of {InputPath.Said(Source.Path)}, which is {by}, not the position's speaker '{speaker}': " +
            $"{(KebabCase.Of(kind)[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {KebabCase.Of(kind)} position quotes only {valid}; {fix}";
    }

    private static string And(IReadOnlyList<int> lines) =>
        Listed.And(lines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string Attributed(BriefingStatement statement) =>
        statement.Kind == PositionKind.NotDiscussed ? Provenance.Nobody
        : statement.Kind == PositionKind.Joint ? Provenance.Both
        : statement.Speakers[0];

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
        return statement.Kind != PositionKind.NotDiscussed && location.Column < statement.Location.Column + statement.Text.EnumerateRunes().Count() ? statement : null;
    }
}
