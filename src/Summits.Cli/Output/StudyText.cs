using System.Globalization;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>Prints a study's results for people: agreement chances with their intervals, final positions, and the strongest sensitivities.</summary>
public static class StudyText
{
    public const int Strongest = 15;

    public static void Write(TextWriter output, StudyResult study)
    {
        output.WriteLine($"What-if {study.Scenario} on world {study.World}: {study.Finished} of {study.Runs} runs, seed {study.Seed}, engine {KebabCase.Of(study.Engine)}");
        if (study.About.Length > 0)
            output.WriteLine(study.About);
        output.WriteLine($"{study.Inputs.Length} sampled inputs: " + string.Join(", ", study.Inputs.Take(6).Select(i => i.Name)) + (study.Inputs.Length > 6 ? ", …" : ""));
        output.WriteLine();
        output.WriteLine("Agreements at the end of a run (share of runs, 95% Wilson interval)");
        output.WriteLine($"  {"topic",-28} {"in force",-22} {"made during the run",-22}");
        foreach (var a in study.Agreements)
            output.WriteLine($"  {a.Topic,-28} {Share(a.InForce),-22} {Share(a.Made),-22}");
        if (study.Expectations is { } e)
        {
            output.WriteLine();
            output.WriteLine($"Every expectation held in {Share(e)} of runs");
        }

        output.WriteLine();
        output.WriteLine("Final positions over the runs");
        output.WriteLine($"  {"topic",-28} {"actor",-6} {"start",6} {"mean",7} {"sd",6} {"p5",7} {"p50",7} {"p95",7}");
        foreach (var p in study.Positions)
            output.WriteLine($"  {p.Topic,-28} {p.Actor,-6} {N(p.Start),6} {N(p.Mean),7} {N(p.Sd),6} {N(p.P5),7} {N(p.P50),7} {N(p.P95),7}");

        output.WriteLine();
        output.WriteLine($"Sensitivity: the {Math.Min(Strongest, study.Sensitivity.Length)} strongest of {study.Sensitivity.Length} input–outcome correlations (Spearman's ρ)");
        foreach (var line in SensitivityLines(study))
            output.WriteLine(line);
        foreach (var s in study.Sensitivity.Take(Strongest))
            output.WriteLine($"  {s.Rho.ToString("+0.00;-0.00", CultureInfo.InvariantCulture),6}  {(s.Significant ? "*" : " ")} p {P(s.P),-7} {s.Input,-40} → {s.Outcome}");
        if (study.Stopped)
        {
            output.WriteLine();
            output.WriteLine($"Stopped after {study.Finished} of {study.Runs} runs; these results cover the finished runs only.");
        }
    }

    /// <summary>What the ranking's test means for this study: the noise band, the pairs flagged, a warning for a small sample.</summary>
    public static IEnumerable<string> SensitivityLines(StudyResult study)
    {
        if (study.SensitivityTest is not { } test)
            yield break;
        yield return $"  * = significant at a {test.FalseDiscoveryRate:0%} false discovery rate over the {test.Pairs} pairs tested (Benjamini–Hochberg): {test.Significant} flagged;"
            + $" a single pair's |ρ| below {test.NoiseBand.ToString("0.00", CultureInfo.InvariantCulture)} is within noise over {test.Runs} runs.";
        if (test.UnmovedOutcomes > 0)
            yield return $"  {test.UnmovedOutcomes} final positions that no run moved are not ranked as outcomes.";
        if (test.IsSmall)
            yield return $"  Warning: {test.Runs} runs is a small sample (under {SensitivityTest.SmallSample}); only strong correlations can be told from noise.";
    }

    private static string P(double p) => Reports.Pages.Shown.P(p);

    public static string Share(Proportion p) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * p.P:0.0}% [{100 * p.Low:0.0}, {100 * p.High:0.0}]");

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
