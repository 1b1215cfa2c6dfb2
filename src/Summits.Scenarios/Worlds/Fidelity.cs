using System.Runtime.CompilerServices;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// The checks that keep a world faithful to its source: a position's quotes stand on lines attributed to
/// its speaker alone (a joint line never supports one leader's position), its kind agrees with its speaker, a value from outside the source names its reference,
/// and a quoted agreement records the verb its sentence uses.
/// </summary>
public static class Fidelity
{
    private static readonly ConditionalWeakTable<SourceText, QuoteAttribution> Attributions = [];

    /// <summary>Checks one position's provenance; throws <see cref="InputException"/> at the offending key or quote.</summary>
    public static void CheckPosition(MappingReader r, YamlNode node, PositionKind kind, string speaker,
        IReadOnlyList<Quote> quotes, string? reference, SourceText? source)
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

        var attribution = Attributions.GetValue(source, QuoteAttribution.Of);
        var quoteNodes = r.OptionalList("quotes");
        for (var i = 0; i < quotes.Count; i++)
        {
            if (!attribution.Supports(speaker, quotes[i].Location))
                throw r.Fail(quoteNodes[i], attribution.Mismatch(speaker, kind, quotes[i]));
        }
    }

    /// <summary>
    /// The verb of a seeded agreement: required when it quotes its source, and it must be the verb of the
    /// quoted sentence ("agreed", "confirmed", or "will" for a stated intent).
    /// </summary>
    public static AgreementVerb? Verb(MappingReader r, Quote? quote, SourceText? source, int format = FileFormat.Current)
    {
        AgreementVerb? verb = r.Has("verb") ? r.Enum<AgreementVerb>("verb") : null;
        if (quote is null || source is null)
            return verb;
        var sentence = Sentence(source, quote);
        var found = VerbIn(sentence);
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
        return verb;
    }

    /// <summary>The first verb the sentence uses, in the order confirmed, agreed, will; null for none.</summary>
    public static AgreementVerb? VerbIn(string sentence) =>
        Uses(sentence, AgreementVerb.Confirmed) ? AgreementVerb.Confirmed
        : Uses(sentence, AgreementVerb.Agreed) ? AgreementVerb.Agreed
        : Uses(sentence, AgreementVerb.Intent) ? AgreementVerb.Intent
        : null;

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
