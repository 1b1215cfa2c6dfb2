using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    /// <remarks>
    /// Worked out once per run and kept: the summary, state.json and every topic's chart of the report read
    /// them, and on a world of 200 actors and 50 topics each working takes seconds.
    /// </remarks>
    /// <param name="cancellation">Checked before each topic; a cancelled working throws <see cref="OperationCanceledException"/> and keeps nothing.</param>
    public ImmutableArray<TopicAnalysis> Analyses(CancellationToken cancellation = default) => AnalysesOf.GetValue(this, run =>
        new StrongBox<ImmutableArray<TopicAnalysis>>([.. run.Final.Topics
            .Select(t =>
            {
                cancellation.ThrowIfCancellationRequested();
                return WorldBargaining.Of(run.Final, t.Id, run.Scenario.Parameters);
            })
            .Where(a => !double.IsNaN(a.WeightedMean))])).Value;

    // Kept beside the run rather than in it, so that the record's equality stays that of its members.
    private static readonly ConditionalWeakTable<RunResult, StrongBox<ImmutableArray<TopicAnalysis>>> AnalysesOf = [];

    /// <summary>Every agreement in force and every open table as a bargaining problem, from the final positions.</summary>
    /// <param name="cancellation">Checked before each agreement and table; a cancelled working throws <see cref="OperationCanceledException"/> and keeps nothing.</param>
    public ImmutableArray<BargainingCase> Bargaining(CancellationToken cancellation = default) =>
        BargainingOf.GetValue(this, run => new StrongBox<ImmutableArray<BargainingCase>>(BargainingCase.Of(run.Final, run.Scenario.Parameters, cancellation))).Value;

    private static readonly ConditionalWeakTable<RunResult, StrongBox<ImmutableArray<BargainingCase>>> BargainingOf = [];
}
