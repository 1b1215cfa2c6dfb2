using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// The results of a what-if study, aggregated in sample order so that the same seed gives the same
/// document: the chance of an agreement on each topic, the spread of each final position, and
/// which sampled inputs went most with which outcomes.
/// </summary>
/// <param name="Finished">Runs that finished; fewer than <paramref name="Runs"/> when the study was stopped.</param>
/// <param name="Expectations">Runs in which every expectation of the scenario held; null if it has none.</param>
/// <param name="EachExpectation">
/// Each expectation of the scenario, in the file's order, with the runs in which it held and its step's
/// <c>because:</c> text; null if it has none.
/// </param>
public sealed record StudyResult(
    string Summits,
    string Scenario,
    string About,
    string World,
    ulong Seed,
    Engine Engine,
    int Runs,
    int Finished,
    bool Stopped,
    ImmutableArray<InputSummary> Inputs,
    ImmutableArray<AgreementOdds> Agreements,
    Proportion? Expectations,
    ImmutableArray<Distribution> Positions,
    ImmutableArray<Sensitivity> Sensitivity,
    SensitivityTest? SensitivityTest = null,
    ImmutableArray<ExpectationOdds>? EachExpectation = null)
{
    /// <summary>
    /// Every finished run's summary, in run order (<see cref="SampleSummary.Index"/> 0 first), aligned with
    /// <see cref="Inputs"/>, <see cref="Agreements"/>, <see cref="Positions"/> and <see cref="EachExpectation"/>: what
    /// <c>samples.csv</c> lists (<see cref="StudyFiles.WriteSamples"/>). Not part of the results document; empty for a
    /// result made without them.
    /// </summary>
    [JsonIgnore]
    public ImmutableArray<SampleSummary> Samples { get; init; } = [];

    /// <summary>
    /// Aggregates the summaries in sample order. A position a shock adds starts at the value the shock adds it at
    /// (<see cref="StudyLayout.Added"/>); one with neither a seeded nor an added value has its mean stand in, so that
    /// the document holds numbers only.
    /// </summary>
    public static StudyResult Of(LoadedScenario loaded, StudyOptions options, StudyLayout layout, IReadOnlyList<SampleSummary> samples)
    {
        var ordered = samples.OrderBy(s => s.Index).ToArray();
        var n = ordered.Length;
        var agreements = layout.Topics.Select((topic, t) => new AgreementOdds(topic,
            Proportion.Of(ordered.Count(s => s.InForce[t]), n),
            Proportion.Of(ordered.Count(s => s.Made[t]), n))).ToImmutableArray();
        var hasExpectations = loaded.Scenario.Steps.OfType<ExpectStep>().Any();
        var expectations = hasExpectations ? Proportion.Of(ordered.Count(s => s.Failures == 0), n) : null;
        var each = loaded.Scenario.Steps.OfType<ExpectStep>()
            .SelectMany(step => step.Expectations.Select(e => (step, e)))
            .Select((x, k) => new ExpectationOdds(x.step.Id, x.step.Line, ExpectationOdds.Words(x.e), Proportion.Of(ordered.Count(s => s.Held[k]), n), x.step.Because))
            .ToImmutableArray();
        var start = loaded.World.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
        // Every actor's histogram on a topic shares the topic's bins.
        var edges = layout.Topics.ToDictionary(t => t, t => Distribution.Edges(layout.Positions.Select((key, k) => (key, k))
            .Where(x => x.key.Topic == t).SelectMany(x => ordered.Select(s => s.Positions[x.k]))), StringComparer.Ordinal);
        var positions = layout.Positions.Select((key, k) => Distribution.Of(key.Actor, key.Topic,
            start.TryGetValue(key, out var s0) || layout.Added.TryGetValue(key, out s0) ? s0 : double.NaN, ordered.Select(s => s.Positions[k]),
            edges.TryGetValue(key.Topic, out var e) && e.Length > 1 ? e : null, ordered.Count(s => s.Moved[k]))).ToImmutableArray();
        var inputs = layout.Inputs.Select(i => new InputSummary(i.Name, i.Range.Low, i.Range.High,
            i.Choices?.Select(c => KebabCase.Of(c)).ToArray())).ToImmutableArray();
        var (ranked, test) = Rank(layout, ordered);
        return new StudyResult(RunFiles.Version, loaded.Scenario.Id, loaded.Scenario.About, loaded.World.Id, options.Seed, options.Engine,
            options.Runs, n, n < options.Runs, inputs, agreements, expectations,
            positions.Select(p => double.IsNaN(p.Start) ? p with { Start = p.Mean } : p).ToImmutableArray(),
            ranked, test, hasExpectations ? each : null)
        {
            // The summaries the study held anyway, kept on rather than copied.
            Samples = ImmutableCollectionsMarshal.AsImmutableArray(ordered),
        };
    }

    /// <summary>
    /// Spearman's ρ of every varying input against every varying outcome, strongest first, each tested
    /// against noise (<see cref="SensitivityRanking"/>). A final position no run moved is no outcome: it
    /// only echoes its sampled input or seeded value. An input is not ranked against its own final value.
    /// Over fewer than <see cref="SensitivityRanking.FewestRuns"/> runs nothing is ranked, and the test says so.
    /// </summary>
    private static (ImmutableArray<Sensitivity>, SensitivityTest?) Rank(StudyLayout layout, SampleSummary[] samples)
    {
        var outcomes = new List<(string Name, double[] Values)>();
        for (var t = 0; t < layout.Topics.Length; t++)
            outcomes.Add(($"agreement {layout.Topics[t]}", samples.Select(s => s.InForce[t] ? 1.0 : 0.0).ToArray()));
        var unmoved = 0;
        for (var k = 0; k < layout.Positions.Length; k++)
        {
            if (!samples.Any(s => s.Moved[k]))
            {
                unmoved++;
                continue;
            }
            outcomes.Add(($"position {layout.Positions[k].Actor} {layout.Positions[k].Topic}", samples.Select(s => s.Positions[k]).ToArray()));
        }
        var inputs = layout.Inputs.Select((input, i) => (input.Name, samples.Select(s => s.Inputs[i]).ToArray())).ToList();
        var ranked = SensitivityRanking.Rank(inputs, outcomes, out var byChance);
        return (ranked, new SensitivityTest(samples.Length, ranked.Length, SensitivityRanking.FalseDiscoveryRate,
            SensitivityRanking.NoiseBand(samples.Length), ranked.Count(r => r.Significant), unmoved, byChance));
    }
}
