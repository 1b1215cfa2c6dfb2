using System.Globalization;
using Summits.Scenarios;

using Summits.Model;

namespace Summits.Cli.Output;

/// <summary>Prints a study's results for people: agreement chances with their intervals, final positions, and the strongest sensitivities.</summary>
public static class StudyText
{
    public const int Strongest = 15;

    /// <summary>
    /// Writes the results fitted to <paramref name="width"/>; <paramref name="every"/> (<c>-v detailed</c>)
    /// lists every sampled input and every sensitivity pair, not only the first and the strongest.
    /// </summary>
    public static void Write(TextWriter output, StudyResult study, int width, bool every = false)
    {
        void Line(string text)
        {
            foreach (var line in TerminalWidth.Wrap(text, width))
                output.WriteLine(line);
        }
        const int FirstInputs = 6;
        Line($"What-if {study.Scenario} on world {study.World}: {study.Finished} of {study.Runs} runs, seed {study.Seed}, engine {KebabCase.Of(study.Engine)}");
        if (study.About.Length > 0)
            Line(study.About);
        var inputs = every ? study.Inputs.Length : FirstInputs;
        Line($"{study.Inputs.Length} sampled inputs: " + string.Join(", ", study.Inputs.Take(inputs).Select(i => i.Name))
            + (study.Inputs.Length > inputs ? $" and {study.Inputs.Length - inputs} more (-v detailed lists them)" : ""));
        output.WriteLine();
        Line("Agreements at the end of a run (share of runs, 95% Wilson interval)");
        FittedTable.WriteLeftOut(output, FittedTable.Write(output,
            [new("topic"), new("in force"), new("made during the run", Drop: 1)],
            study.Agreements.Select(a => (IReadOnlyList<string>)[a.Topic, Share(a.InForce), Share(a.Made)]), width, "  "), width, "  ");
        if (study.Expectations is { } e)
        {
            output.WriteLine();
            Line($"Every expectation held in {Share(e)} of runs");
        }

        output.WriteLine();
        Line("Final positions over the runs");
        FittedTable.WriteLeftOut(output, FittedTable.Write(output,
            [new("topic"), new("actor"), new("start", Right: true), new("mean", Right: true), new("sd", Right: true, Drop: 3),
             new("p5", Right: true, Drop: 2), new("p50", Right: true, Drop: 4), new("p95", Right: true, Drop: 1)],
            study.Positions.Select(p => (IReadOnlyList<string>)[p.Topic, p.Actor, N(p.Start), N(p.Mean), N(p.Sd), N(p.P5), N(p.P50), N(p.P95)]), width, "  "), width, "  ");

        output.WriteLine();
        var shown = every ? study.Sensitivity.Length : Math.Min(Strongest, study.Sensitivity.Length);
        Line(every
            ? $"Sensitivity: all {study.Sensitivity.Length} input–outcome correlations (Spearman's ρ), strongest first"
            : $"Sensitivity: the {shown} strongest of {study.Sensitivity.Length} input–outcome correlations (Spearman's ρ)");
        foreach (var line in SensitivityLines(study))
            foreach (var wrapped in TerminalWidth.Wrap(line, width))
                output.WriteLine(wrapped);
        FittedTable.Write(output,
            [new("ρ", Right: true), new(""), new("p"), new("input", Wraps: true), new("outcome", Wraps: true)],
            study.Sensitivity.Take(shown).Select(s => (IReadOnlyList<string>)[Reports.Pages.Shown.Signed(s.Rho), s.Significant ? "*" : "", P(s.P), s.Input, s.Outcome]),
            width, "  ");
        if (study.Stopped)
        {
            output.WriteLine();
            Line($"Stopped after {study.Finished} of {study.Runs} runs; these results cover the finished runs only.");
        }
    }

    /// <summary>
    /// The study in one line, what <c>-v minimal</c> prints: the scenario, the runs, on how many topics an agreement
    /// was in force at the end of most runs (more than half), and the share of runs in which every expectation held.
    /// </summary>
    public static string Summary(StudyResult study)
    {
        var held = study.Agreements.Count(a => a.InForce.P > 0.5);
        var text = $"What-if {study.Scenario}: {study.Finished} of {study.Runs} runs, seed {study.Seed}; "
            + $"an agreement in force at the end of most runs on {held} of {Counted.Of(study.Agreements.Length, "topic")}";
        if (study.Expectations is { } e)
            text += string.Create(CultureInfo.InvariantCulture, $"; every expectation held in {100 * e.P:0.0}% of runs");
        return study.Stopped ? text + "; stopped before every run finished" : text;
    }

    /// <summary>What the ranking's test means for this study: the noise band, the pairs flagged, a warning for a small sample.</summary>
    public static IEnumerable<string> SensitivityLines(StudyResult study)
    {
        if (study.SensitivityTest is not { } test)
            yield break;
        yield return $"  * = significant at a {test.FalseDiscoveryRate:0%} false discovery rate over the {test.Pairs} pairs tested (Benjamini–Hochberg): {test.Significant} flagged;"
            + $" a single pair's |ρ| below {N(test.NoiseBand)} is within noise over {test.Runs} runs.";
        if (test.UnmovedOutcomes > 0)
            yield return $"  {test.UnmovedOutcomes} final positions that no run moved are not ranked as outcomes.";
        if (test.IsSmall)
            yield return $"  Warning: {test.Runs} runs is a small sample (under {SensitivityTest.SmallSample}); only strong correlations can be told from noise.";
    }

    private static string P(double p) => Reports.Pages.Shown.P(p);

    public static string Share(Proportion p) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * p.P:0.0}% [{100 * p.Low:0.0}, {100 * p.High:0.0}]");

    private static string N(double value) => Figures.Text(value);
}
