using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>A finished run: the world before and after, every event, and the expectations that failed.</summary>
public sealed record RunResult(
    LoadedScenario Loaded,
    World Start,
    World Final,
    ImmutableArray<TimelineEvent> Timeline,
    int Failures)
{
    public Scenario Scenario => Loaded.Scenario;

    /// <summary>The reference points of every topic with at least one position, from the final positions.</summary>
    public ImmutableArray<TopicAnalysis> Analyses() =>
        [.. Final.Topics
            .Select(t => WorldBargaining.Of(Final, t.Id, Scenario.Parameters))
            .Where(a => !double.IsNaN(a.WeightedMean))];

    /// <summary>Every agreement in force and every open table as a bargaining problem, from the final positions.</summary>
    public ImmutableArray<BargainingCase> Bargaining() => BargainingCase.Of(Final, Scenario.Parameters);
}
