using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// All a study keeps of one finished run: its inputs, which topics ended with an agreement in force
/// and which gained a new one, every final position, and its expectations. The timeline is dropped.
/// </summary>
/// <param name="InForce">Per layout topic: an agreement covering it was holding or strained at the end.</param>
/// <param name="Made">Per layout topic: that agreement was made during the run, not seeded.</param>
/// <param name="Positions">Per layout position: its final value, NaN if the actor held none.</param>
/// <param name="Moved">Per layout position: the run moved it, its final value differing from where the run started it by <see cref="Comparison.Moved"/> or more (a position a shock added started at the value it was added at, <see cref="StudyLayout.Added"/>).</param>
/// <param name="Failures">How many of the run's expectations failed.</param>
/// <param name="Held">Per expectation of the scenario, in the order <see cref="HeldOf"/> gives: it held in the run.</param>
public sealed record SampleSummary(int Index, ulong Seed, ImmutableArray<double> Inputs, ImmutableArray<bool> InForce, ImmutableArray<bool> Made,
    ImmutableArray<double> Positions, ImmutableArray<bool> Moved, int Failures, ImmutableArray<bool> Held)
{
    public static SampleSummary Of(WorldSample sample, RunResult run, StudyLayout layout)
    {
        var inForce = ImmutableArray.CreateBuilder<bool>(layout.Topics.Length);
        var made = ImmutableArray.CreateBuilder<bool>(layout.Topics.Length);
        foreach (var topic in layout.Topics)
        {
            var live = run.Final.Agreements.Where(a => a.Covers(topic) && a.Status is AgreementStatus.Holding or AgreementStatus.Strained).ToArray();
            inForce.Add(live.Length > 0);
            made.Add(live.Any(a => a.Cause != "seed"));
        }
        var finals = run.Final.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
        var positions = layout.Positions.Select(k => finals.TryGetValue(k, out var v) ? v : double.NaN).ToImmutableArray();
        var starts = run.Start.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
        // A position a shock added started where the shock put it (the layout's Added), the same in every sample.
        var moved = layout.Positions.Select((k, i) => !double.IsNaN(positions[i])
            && (!(starts.TryGetValue(k, out var s0) || layout.Added.TryGetValue(k, out s0)) || Math.Abs(positions[i] - s0) >= Comparison.Moved)).ToImmutableArray();
        return new SampleSummary(sample.Index, sample.Seed, sample.Values, inForce.MoveToImmutable(), made.MoveToImmutable(), positions, moved, run.Failures,
            layout.Expectations.Held(run.Timeline));
    }

    /// <summary>
    /// Which of <paramref name="scenario"/>'s expectations held in a run whose events are <paramref name="timeline"/>, in
    /// the order <see cref="ExpectationIndex"/> gives. A study builds that index once (<see cref="StudyLayout.Expectations"/>);
    /// this builds it for the one run.
    /// </summary>
    public static ImmutableArray<bool> HeldOf(Scenario scenario, ImmutableArray<TimelineEvent> timeline) =>
        new ExpectationIndex(scenario).Held(timeline);
}
