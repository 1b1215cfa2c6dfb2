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
        foreach (var s in study.Sensitivity.Take(Strongest))
            output.WriteLine($"  {s.Rho.ToString("+0.00;-0.00", CultureInfo.InvariantCulture),6}  {s.Input,-40} → {s.Outcome}");
        if (study.Stopped)
        {
            output.WriteLine();
            output.WriteLine($"Stopped after {study.Finished} of {study.Runs} runs; these results cover the finished runs only.");
        }
    }

    public static string Share(Proportion p) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * p.P:0.0}% [{100 * p.Low:0.0}, {100 * p.High:0.0}]");

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
