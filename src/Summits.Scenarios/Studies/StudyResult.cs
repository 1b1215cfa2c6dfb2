using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// The results of a what-if study, aggregated in sample order so that the same seed gives the same
/// document: the chance of an agreement on each topic, the spread of each final position, and
/// which sampled inputs went most with which outcomes.
/// </summary>
/// <param name="Finished">Runs that finished; fewer than <paramref name="Runs"/> when the study was stopped.</param>
/// <param name="Expectations">Runs in which every expectation of the scenario held; null if it has none.</param>
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
    ImmutableArray<Sensitivity> Sensitivity)
{
    /// <summary>
    /// Aggregates the summaries in sample order. A position a shock adds has no seeded value; its
    /// mean stands in, so that the document holds numbers only.
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
        var start = loaded.World.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
        var positions = layout.Positions.Select((key, k) => Distribution.Of(key.Actor, key.Topic,
            start.TryGetValue(key, out var s0) ? s0 : double.NaN, ordered.Select(s => s.Positions[k]))).ToImmutableArray();
        var inputs = layout.Inputs.Select(i => new InputSummary(i.Name, i.Range.Low, i.Range.High,
            i.Choices?.Select(c => KebabCase.Of(c)).ToArray())).ToImmutableArray();
        return new StudyResult(RunFiles.Version, loaded.Scenario.Id, loaded.Scenario.About, loaded.World.Id, options.Seed, options.Engine,
            options.Runs, n, n < options.Runs, inputs, agreements, expectations,
            positions.Select(p => double.IsNaN(p.Start) ? p with { Start = p.Mean } : p).ToImmutableArray(),
            Rank(layout, ordered));
    }

    /// <summary>Spearman's ρ of every varying input against every varying outcome, strongest first; an input is not ranked against its own final value.</summary>
    private static ImmutableArray<Sensitivity> Rank(StudyLayout layout, SampleSummary[] samples)
    {
        if (samples.Length < 3)
            return [];
        var outcomes = new List<(string Name, double[] Ranks)>();
        for (var t = 0; t < layout.Topics.Length; t++)
        {
            var column = samples.Select(s => s.InForce[t] ? 1.0 : 0.0).ToArray();
            if (Varies(column))
                outcomes.Add(($"agreement {layout.Topics[t]}", Spearman.Ranks(column)));
        }
        for (var k = 0; k < layout.Positions.Length; k++)
        {
            var column = samples.Select(s => s.Positions[k]).ToArray();
            if (column.All(v => !double.IsNaN(v)) && Varies(column))
                outcomes.Add(($"position {layout.Positions[k].Actor} {layout.Positions[k].Topic}", Spearman.Ranks(column)));
        }
        var ranked = new List<Sensitivity>();
        for (var i = 0; i < layout.Inputs.Length; i++)
        {
            var column = samples.Select(s => s.Inputs[i]).ToArray();
            if (!Varies(column))
                continue;
            var ranks = Spearman.Ranks(column);
            foreach (var (name, outcome) in outcomes)
            {
                if (name == layout.Inputs[i].Name)
                    continue;
                var rho = Spearman.Pearson(ranks, outcome);
                if (!double.IsNaN(rho))
                    ranked.Add(new Sensitivity(layout.Inputs[i].Name, name, Math.Round(rho, 6)));
            }
        }
        return [.. ranked.OrderByDescending(s => Math.Abs(s.Rho)).ThenBy(s => s.Input, StringComparer.Ordinal).ThenBy(s => s.Outcome, StringComparer.Ordinal)];
    }

    private static bool Varies(double[] column) => column.Length > 0 && column.Any(v => v != column[0]);
}
