using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// One expectation of a study's scenario and the share of runs in which it held, so that a study whose runs do not all
/// meet their expectations says which ones failed: "line 26 (step-2): agreement on north-korea", held in 20 of 20 runs.
/// </summary>
/// <param name="Step">The id of the <c>expect</c> step that holds it.</param>
/// <param name="Line">The step's line in the scenario file, 1 or more.</param>
/// <param name="What">What it expects, in words: "agreement on T", "no agreement on T", "position A T", "event K by A on T",
/// "no event K …", "order of N events".</param>
/// <param name="Held">The runs in which it held, with the share and its 95% Wilson interval.</param>
public sealed record ExpectationOdds(string Step, int Line, string What, Proportion Held)
{
    /// <summary>
    /// What <paramref name="expectation"/> expects, in words (<see cref="What"/>): its kind and the actor, topic or event
    /// it names, not its range or direction, which the scenario file gives at its line.
    /// </summary>
    public static string Words(Expectation expectation) => expectation switch
    {
        AgreementExpectation { Absent: true } a => $"no agreement on {a.Topic}",
        AgreementExpectation a => $"agreement on {a.Topic}",
        PositionExpectation p => $"position {p.Actor} {p.Topic}",
        EventExpectation e => (e.Happened ? "" : "no ") + Pattern(e.Pattern),
        OrderExpectation o => $"order of {o.Patterns.Length} events",
        _ => expectation.GetType().Name,
    };

    private static string Pattern(EventPattern pattern) =>
        "event " + KebabCase.Of(pattern.Kind) + (pattern.Actor is { } actor ? $" by {actor}" : "") + (pattern.Topic is { } topic ? $" on {topic}" : "");
}
