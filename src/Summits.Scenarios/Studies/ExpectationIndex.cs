using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Where each <c>expect</c> step's expectations stand in a study's list of them: every <c>expect</c> step's in the file's
/// order and each step's own in its order. Built once per study from the scenario's steps, which every sample shares, and
/// used for every sample's run (<see cref="Held"/>).
/// </summary>
public sealed class ExpectationIndex
{
    private readonly Dictionary<string, (int At, int Count)> _first = new(StringComparer.Ordinal);

    /// <summary>How many expectations the scenario has in all.</summary>
    public int Count { get; }

    /// <summary>The index of <paramref name="scenario"/>'s expectations.</summary>
    public ExpectationIndex(Scenario scenario)
    {
        foreach (var step in scenario.Steps.OfType<ExpectStep>())
        {
            _first[step.Id] = (Count, step.Expectations.Length);
            Count += step.Expectations.Length;
        }
    }

    /// <summary>
    /// Which expectations held in a run whose events are <paramref name="timeline"/>: one entry per expectation, in this
    /// index's order, true where the run's event for it is <see cref="EventKind.ExpectationPassed"/>, false where it is
    /// <see cref="EventKind.ExpectationFailed"/> or the timeline has none for it (<see cref="Results"/>).
    /// </summary>
    public ImmutableArray<bool> Held(ImmutableArray<TimelineEvent> timeline)
    {
        var results = Results(timeline);
        var held = new bool[results.Length];
        for (var i = 0; i < held.Length; i++)
            held[i] = results[i] == true;
        return ImmutableCollectionsMarshal.AsImmutableArray(held);
    }

    /// <summary>
    /// What a run whose events are <paramref name="timeline"/> found of each expectation: one entry per expectation, in
    /// this index's order, true where the run's event for it is <see cref="EventKind.ExpectationPassed"/>, false where it
    /// is <see cref="EventKind.ExpectationFailed"/>, null where the timeline has no event for it. The runner emits one
    /// event per expectation, caused by its step, in the step's order, and checks every <c>expect</c> step before a run
    /// ends, so only a timeline short of the run's end (a part of it, or none) leaves an entry null.
    /// </summary>
    public ImmutableArray<bool?> Results(ImmutableArray<TimelineEvent> timeline)
    {
        if (Count == 0)
            return [];
        var results = new bool?[Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in timeline)
        {
            if (e.Kind is not (EventKind.ExpectationPassed or EventKind.ExpectationFailed) || e.Cause is not { } step
                || !_first.TryGetValue(step, out var at))
                continue;
            var k = seen.GetValueOrDefault(step);
            seen[step] = k + 1;
            if (k < at.Count)
                results[at.At + k] = e.Kind == EventKind.ExpectationPassed;
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(results);
    }
}
