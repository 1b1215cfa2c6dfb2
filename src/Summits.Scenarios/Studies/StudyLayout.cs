using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// What every sample of a study is reduced to, in a fixed order: the sampled inputs, the topics
/// whose agreements are counted, the positions whose final values are kept, and where each expectation stands.
/// </summary>
/// <param name="Expectations">Where each of the scenario's expectations stands, built once from the steps every sample shares.</param>
public sealed record StudyLayout(ImmutableArray<SampledInput> Inputs, ImmutableArray<string> Topics, ImmutableArray<(string Actor, string Topic)> Positions,
    ExpectationIndex Expectations)
{
    /// <summary>The world's positions in file order, then any position a shock of the scenario gives an actor.</summary>
    public static StudyLayout Of(LoadedScenario loaded, WorldSampler sampler)
    {
        var positions = loaded.World.Positions.Select(p => (p.Actor, p.Topic)).ToList();
        foreach (var change in loaded.Scenario.Steps.OfType<ShockStep>().SelectMany(s => s.Changes))
        {
            if (change is { What: ShockTarget.Position, Topic: { } topic } && !positions.Contains((change.Actor, topic)))
                positions.Add((change.Actor, topic));
        }
        return new StudyLayout(sampler.Inputs, [.. loaded.World.Topics.Select(t => t.Id)], [.. positions], new ExpectationIndex(loaded.Scenario))
        {
            Added = AddedPositions.Of(loaded.Scenario, loaded.World),
        };
    }

    /// <summary>
    /// Where each position a shock of the scenario adds starts (<see cref="AddedPositions.Of"/>), worked out once for the
    /// study: no draw varies a shock, so every sample adds it at the same value. Empty for a layout made without it.
    /// </summary>
    public ImmutableDictionary<(string Actor, string Topic), double> Added { get; init; } = ImmutableDictionary<(string Actor, string Topic), double>.Empty;

    public int IndexOf(string actor, string topic) => Positions.IndexOf((actor, topic));
}
