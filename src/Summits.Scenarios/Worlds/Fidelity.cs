using System.Runtime.CompilerServices;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// The checks that keep a world faithful to its source: a position's quotes stand on lines attributed to
/// its speaker alone (a joint line never supports one leader's position), its kind agrees with its speaker, a value from outside the source names its reference,
/// and a quoted agreement records the verb its sentence uses.
/// </summary>
public static partial class Fidelity
{
    private static readonly ConditionalWeakTable<SourceText, QuoteAttribution> Attributions = [];

    /// <summary>Checks one position's provenance; throws <see cref="InputException"/> at the offending key or quote.</summary>
    /// <param name="leaders">The world's leaders (its actors' speakers), known to the reading of the source before it starts.</param>
    public static void CheckPosition(MappingReader r, YamlNode node, PositionKind kind, string speaker,
        IReadOnlyList<Quote> quotes, string? reference, SourceText? source, IReadOnlyCollection<string>? leaders = null)
    {
        if (kind == PositionKind.External && string.IsNullOrWhiteSpace(reference))
            throw r.Fail(r.Required("kind"), "a position of kind 'external' takes its value from outside the source text and must name where under 'reference' (a document, a record, a date)");
        if (reference is not null && kind is not (PositionKind.External or PositionKind.NotDiscussed))
            throw r.Fail(r.Required("reference"), $"'reference' names where a value from outside the source comes from, so it belongs to kind 'external' or 'not-discussed', not '{KebabCase.Of(kind)}'");
        if (kind == PositionKind.Joint && speaker != Provenance.Both)
            throw r.Fail(r.Optional("speaker") ?? r.Required("kind"), $"a joint position is spoken by both leaders: its speaker must be 'both', not '{speaker}'; a position resting on one leader's words is 'stated' (or 'inferred')");
        if (kind == PositionKind.Stated && speaker is Provenance.Both or Provenance.Nobody)
            throw r.Fail(r.Optional("speaker") ?? r.Required("kind"), $"a stated position is said by one leader: its speaker must be that leader, not '{speaker}'; use kind 'joint' for both leaders, 'inferred' for no one");
        if (source is null)
            return;
        if (quotes.Count == 0 && kind != PositionKind.External)
            throw r.Fail(node, "a position in a world with a source needs at least one quote under 'quotes' (or kind 'external' with a 'reference')");

        // One reading per loaded source: a source text is read for one world, with that world's leaders.
        var attribution = Attributions.GetValue(source, s => QuoteAttribution.Of(s, leaders));
        var quoteNodes = r.OptionalList("quotes");
        for (var i = 0; i < quotes.Count; i++)
        {
            if (!attribution.Supports(speaker, quotes[i].Location))
                throw r.Fail(quoteNodes[i], attribution.Mismatch(speaker, kind, quotes[i]));
        }
    }

    /// <summary>
    /// The verb of a seeded agreement: required when it quotes its source, and it must be the verb that
    /// governs the quote in its sentence ("agreed", "confirmed", or "will" for a stated intent; see
    /// <see cref="Governing"/>), so a sentence that agrees one thing and states an intent on another
    /// records each as what it is.
    /// </summary>
    public static AgreementVerb? Verb(MappingReader r, Quote? quote, SourceText? source, int format = FileFormat.Current)
    {
        AgreementVerb? verb = r.Has("verb") ? r.Enum<AgreementVerb>("verb") : null;
        if (quote is null || source is null)
            return verb;
        var sentence = Sentence(source, quote);
        var found = Governing(sentence, quote.Text);
        if (verb is null && format < FileFormat.Current)
            throw r.Fail(r.Required("quote"), FileFormat.NeedsMigration(r.File, "format 2 records how the source puts each quoted agreement under 'verb' (agreed, confirmed or intent)"));
        if (verb is null)
        {
            var hint = found is { } f ? $"its sentence reads '{Word(f)}', so 'verb: {KebabCase.Of(f)}'" : "its sentence uses none of 'agreed', 'confirmed' or 'will'";
            throw r.Fail(r.Required("quote"), $"a quoted agreement records how the source puts it under 'verb': agreed, confirmed or intent; {hint}");
        }
        if (!Uses(sentence, verb.Value))
            throw r.Fail(r.Required("verb"), $"'verb: {KebabCase.Of(verb.Value)}' needs its quoted sentence to say '{Word(verb.Value)}', and it does not: \"{sentence}\"" +
                (found is { } g ? $"; it says '{Word(g)}' (verb: {KebabCase.Of(g)})" : ""));
        if (found != verb)
            throw r.Fail(r.Required("verb"), $"'verb: {KebabCase.Of(verb.Value)}' must be the verb that governs the quote, and \"{quote.Text}\" is governed by '{Word(found!.Value)}' (verb: {KebabCase.Of(found.Value)}); " +
                $"to record what the sentence says with '{Word(verb.Value)}', quote only that clause");
        return verb;
    }

    /// <summary>
    /// The verb that governs <paramref name="quote"/> in <paramref name="sentence"/>: the first of the words
    /// "confirmed", "agreed" and "will" the quote itself uses (by position); for a quote that uses none of them
    /// (a clause such as "the U.S.'s commitment … is unshakable"), the last the sentence uses before the quote,
    /// else the first after it. So "They agreed on X and will promote Y" quoted whole is agreed, and its
    /// clause "will promote Y" is an intent. Null when the sentence uses none of the three words.
    /// </summary>
    public static AgreementVerb? Governing(string sentence, string quote)
    {
        var words = VerbPattern().Matches(sentence);
        if (words.Count == 0)
            return null;
        var start = sentence.IndexOf(quote, StringComparison.Ordinal);
        var (from, to) = start < 0 ? (0, sentence.Length) : (start, start + quote.Length);
        var inside = words.FirstOrDefault(w => w.Index >= from && w.Index + w.Length <= to);
        var before = words.LastOrDefault(w => w.Index + w.Length <= from);
        var chosen = inside ?? before ?? words.FirstOrDefault(w => w.Index >= to);
        return chosen?.Value switch
        {
            null => null,
            "confirmed" => AgreementVerb.Confirmed,
            "agreed" => AgreementVerb.Agreed,
            _ => (AgreementVerb?)AgreementVerb.Intent,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(confirmed|agreed|will)\b")]
    private static partial System.Text.RegularExpressions.Regex VerbPattern();

    /// <summary>The sentence of the source the quote stands in (the whole line when it spans sentences).</summary>
    public static string Sentence(SourceText source, Quote quote)
    {
        var lines = source.Text.Split('\n');
        var line = lines[quote.Location.Line - 1].TrimEnd('\r');
        return SentenceSplitter.Split(line).FirstOrDefault(s => s.Contains(quote.Text, StringComparison.Ordinal)) ?? line;
    }

    private static bool Uses(string sentence, AgreementVerb verb) =>
        System.Text.RegularExpressions.Regex.IsMatch(sentence, $@"\b{Word(verb)}\b");

    private static string Word(AgreementVerb verb) => verb switch
    {
        AgreementVerb.Agreed => "agreed",
        AgreementVerb.Confirmed => "confirmed",
        _ => "will",
    };
}
