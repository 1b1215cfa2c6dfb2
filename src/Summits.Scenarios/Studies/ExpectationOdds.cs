using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// One expectation of a study's scenario, the share of runs in which it held and why its author expected it, so that a
/// study whose runs do not all meet their expectations says which ones failed and what reasoning they put to the test:
/// "line 26 (step-2): agreement on north-korea", held in 20 of 20 runs.
/// </summary>
/// <param name="Step">The id of the <c>expect</c> step that holds it.</param>
/// <param name="Line">The step's line in the scenario file, 1 or more.</param>
/// <param name="What">What it expects, in words, with the parties, value, status, direction or cause it asks for
/// (<see cref="Words"/>).</param>
/// <param name="Held">The runs in which it held, with the share and its 95% Wilson interval.</param>
/// <param name="Because">Why the scenario's author expected it: its step's <c>because:</c> text, its lines joined by single spaces
/// ("every US offer pulls Japan a little toward it, even when Japan refuses."), shared by every expectation of the step;
/// empty when the step gives none.</param>
public sealed record ExpectationOdds(string Step, int Line, string What, Proportion Held, string Because = "")
{
    /// <summary>
    /// What <paramref name="expectation"/> expects, in words (<see cref="What"/>), with everything it asks, so that two
    /// expectations on one topic read apart: "agreement on north-korea between JP and US, at 93, holding", "no agreement
    /// on north-korea binding KP", "position JP bilateral-fta moved toward US", "event reject by JP from fta-ask",
    /// "no event agreement-strained", "order: reject by JP, then agreement-made on bilateral-fta".
    /// </summary>
    public static string Words(Expectation expectation) => expectation switch
    {
        AgreementExpectation a => (a.Absent ? "no " : "") + $"agreement on {a.Topic}" + Parties(a.Parties)
            + (a.Value is { } v ? v.Low == v.High ? $", at {Figures.Text(v.Low)}" : $", in {v}" : "")
            + (a.Status is { } status ? $", {KebabCase.Of(status)}" : ""),
        PositionExpectation p => $"position {p.Actor} {p.Topic}" + (p.Range is { } range ? $" in {range}" : "") + p.Moved switch
        {
            Direction.Toward => $" moved toward {Target(p)}",
            Direction.Away => $" moved away from {Target(p)}",
            Direction.Unchanged => " unchanged",
            _ => "",
        },
        EventExpectation e => (e.Happened ? "" : "no ") + "event " + Pattern(e.Pattern),
        OrderExpectation o => "order: " + string.Join(", then ", o.Patterns.Select(Pattern)),
        _ => expectation.GetType().Name,
    };

    private static string Parties(System.Collections.Immutable.ImmutableArray<string> parties) => parties.IsDefaultOrEmpty ? ""
        : parties.Length == 1 ? $" binding {parties[0]}"
        : $" between {Listed.And(parties)}";

    private static string Target(PositionExpectation p) => p.TargetActor ?? (p.Target is { } value ? Figures.Text(value) : "its target");

    private static string Pattern(EventPattern pattern) =>
        KebabCase.Of(pattern.Kind) + (pattern.Actor is { } actor ? $" by {actor}" : "") + (pattern.Topic is { } topic ? $" on {topic}" : "")
        + (pattern.Cause is { } cause ? $" from {cause}" : "");
}
