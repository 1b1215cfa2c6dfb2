using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>The contents of <c>state.json</c>: where a run ended, and what produced it.</summary>
public sealed record StateDocument(
    string Summits,
    string Scenario,
    string About,
    string World,
    ulong Seed,
    ModelParameters Parameters,
    int Events,
    int Failures,
    ImmutableArray<StateDocument.FinalPosition> Positions,
    ImmutableArray<Agreement> Agreements,
    ImmutableArray<StateDocument.Landing> Analysis)
{
    /// <summary>A position at the end of the run beside where it started.</summary>
    public sealed record FinalPosition(string Actor, string Topic, double Start, double Value, double Salience);

    /// <summary>A topic's reference points, and how far each agreement in force on it landed from them.</summary>
    public sealed record Landing(string Topic, double WeightedMean, double WeightedMedian, double? Nash, ImmutableArray<AgreementLanding> Agreements);

    /// <summary>An agreement's value and its distance from each reference point (value minus point).</summary>
    public sealed record AgreementLanding(string Id, double Value, double FromMean, double FromMedian, double? FromNash);

    public static StateDocument Of(RunResult run)
    {
        var start = run.Start.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
        var positions = run.Final.Positions
            .Select(p => new FinalPosition(p.Actor, p.Topic, start.GetValueOrDefault((p.Actor, p.Topic), p.Value), p.Value, p.Salience))
            .ToImmutableArray();
        var analysis = run.Analyses().Select(a => new Landing(a.Topic, a.WeightedMean, a.WeightedMedian, a.Nash,
            [.. run.Final.Agreements
                .Where(g => g.Covers(a.Topic) && g.Status is AgreementStatus.Holding or AgreementStatus.Strained)
                .Select(g => new AgreementLanding(g.Id, g.Terms[a.Topic], g.Terms[a.Topic] - a.WeightedMean, g.Terms[a.Topic] - a.WeightedMedian, g.Terms[a.Topic] - a.Nash))]))
            .ToImmutableArray();
        return new StateDocument(RunFiles.Version, run.Scenario.Id, run.Scenario.About, run.Start.Id, run.Scenario.Seed,
            run.Scenario.Parameters, run.Timeline.Length, run.Failures, positions, run.Final.Agreements, analysis);
    }
}
