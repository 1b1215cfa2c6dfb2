using System.Collections.Immutable;
using System.Diagnostics;
using Summits.Cli.Commands;
using Summits.Model;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// The spatial model of politics against KTAB's smpc: its 40-actor table and generated tables to
/// convergence, after start-up (the engine alone, in this process) and from start to exit (a child
/// process running <c>summits run --world … --model smp</c>, which runs in that process without a silo), and how the time per turn
/// grows with actors and dimensions.
/// </summary>
public static class SmpRuns
{
    public const string Figure = "smp";

    /// <summary>KTAB's smpc (built with -O2) on dummyData-a040.csv, CPU seconds on this kind of machine.</summary>
    public const double KtabFortySeconds = 13.8;

    /// <summary>KTAB's smpc on an 80-actor, 2-dimension table, CPU seconds.</summary>
    public const double KtabEightySeconds = 409;

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var quick = context.Sizes == BenchSizes.Quick;
        var results = new List<BenchResult>();

        // The start-to-exit runs go first, while this process is still idle: after the in-process figures the
        // runtime goes on compiling and collecting, and on two cores that work takes time from the child being timed.
        var runs = context.Sizes.ProcessRuns;
        var fortyProcess = await ProcessRun.TimeAsync(runs, "run", "--world", ConvergenceRuns.FortyWorld, "--model", "smp", "-q");
        var eightyWorld = WorldGenerator.Generate(80, 2, seed: 80, "generated-80x2");
        var eightyPath = Path.Combine(Path.GetTempPath(), $"summits-bench-{Environment.ProcessId}-80x2.yaml");
        ProcessRun.Times eighty;
        await File.WriteAllTextAsync(eightyPath, WorldWriter.Write(eightyWorld));
        try
        {
            eighty = await ProcessRun.TimeAsync(runs, "run", "--world", eightyPath, "--model", "smp", "-q");
        }
        finally
        {
            File.Delete(eightyPath);
        }

        var forty = SmpTable.From(WorldFile.Load(InputPath.Resolve(ConvergenceRuns.FortyWorld)));
        var fortyRun = Time(forty, quick ? 1 : 5);
        results.Add(new(Figure, "dummy-40 (40 x 1) to convergence, after start-up", fortyRun.Seconds * 1000, "ms",
            Invariant($"< {KtabFortySeconds * 10:0} ms (KTAB 13.8 s / 100)"), fortyRun.Seconds * 100 < KtabFortySeconds, fortyRun.Detail));
        results.Add(new(Figure, "KTAB smpc / summits on dummyData-a040, after start-up", KtabFortySeconds / fortyRun.Seconds, "ratio", ">= 100",
            KtabFortySeconds / fortyRun.Seconds >= 100, Invariant($"{KtabFortySeconds} s / {fortyRun.Seconds:0.0000} s")));

        results.Add(new(Figure, "dummy-40 with the spatial model, start to exit", fortyProcess.Median, "s", Invariant($"< {KtabFortySeconds / 20:0.00} s (KTAB / 20)"),
            fortyProcess.Median * 20 < KtabFortySeconds, ProcessRun.Describe(fortyProcess, "one process")));
        results.Add(new(Figure, "KTAB smpc / summits on dummyData-a040, start to exit", KtabFortySeconds / fortyProcess.Median, "ratio", ">= 20",
            KtabFortySeconds / fortyProcess.Median >= 20, Invariant($"{KtabFortySeconds} s / {fortyProcess.Median:0.000} s")));
        results.Add(Cpu("dummy-40", fortyProcess, KtabFortySeconds));

        results.Add(new(Figure, "generated 80 x 2 table with the spatial model, start to exit", eighty.Median, "s",
            Invariant($"< {KtabEightySeconds / 1000:0.000} s (KTAB 409 s / 1000)"), eighty.Median * 1000 < KtabEightySeconds,
            ProcessRun.Describe(eighty, "WorldGenerator.Generate(80, 2, seed: 80)")));
        results.Add(new(Figure, "KTAB smpc / summits on an 80 x 2 table, start to exit", KtabEightySeconds / eighty.Median, "ratio", ">= 1000",
            KtabEightySeconds / eighty.Median >= 1000, Invariant($"{KtabEightySeconds} s / {eighty.Median:0.000} s")));
        results.Add(Cpu("the 80 x 2 table", eighty, KtabEightySeconds));

        var (big, bigDimensions) = quick ? (40, 2) : (160, 2);
        var bigRun = Time(Generated(big, bigDimensions, 160), 1);
        results.Add(new(Figure, Invariant($"generated {big} x {bigDimensions} table to convergence, after start-up"), bigRun.Seconds, "s", "< 1",
            bigRun.Seconds < 1, bigRun.Detail));
        var (huge, hugeDimensions) = quick ? (60, 4) : (300, 4);
        var hugeRun = Time(Generated(huge, hugeDimensions, 300), 1);
        results.Add(new(Figure, Invariant($"generated {huge} x {hugeDimensions} table to convergence, after start-up"), hugeRun.Seconds, "s", "< 10",
            hugeRun.Seconds < 10, hugeRun.Detail));

        foreach (var dimensions in new[] { 1, 2, 4 })
            foreach (var actors in quick ? new[] { 10, 20 } : new[] { 20, 40, 80, 160, 320 })
            {
                var run = Time(Generated(actors, dimensions, (ulong)(actors * 10 + dimensions)), 1, maxTurns: 5);
                results.Add(new(Figure, Invariant($"growth: {actors} x {dimensions}, time per turn"), run.Seconds / run.Turns * 1000, "ms",
                    Detail: Invariant($"{run.Turns} turns in {run.Seconds * 1000:0.0} ms; KTAB's time per turn grows as n^3.5 to n^4")));
            }
        return [.. results];
    }

    /// <summary>KTAB's CPU seconds over the processor time of the same run from start to exit: CPU against CPU, which load stretches little.</summary>
    private static BenchResult Cpu(string table, ProcessRun.Times run, double ktab) =>
        new(Figure, Invariant($"KTAB smpc CPU / summits CPU on {table}, start to exit"), ktab / run.CpuMedian, "ratio",
            Detail: Invariant($"{ktab} s / {run.CpuMedian:0.000} s of processor time (user and system, every thread), median of {run.Runs}"));

    private static SmpTable Generated(int actors, int dimensions, ulong seed) =>
        SmpTable.From(WorldGenerator.Generate(actors, dimensions, seed, Invariant($"generated-{actors}x{dimensions}")));

    private sealed record Timed(double Seconds, int Turns, string Detail);

    /// <summary>One untimed run to warm the code, then the median of <paramref name="repeats"/>.</summary>
    private static Timed Time(SmpTable table, int repeats, int maxTurns = 100)
    {
        var parameters = SmpParameters.Default with { MaxTurns = maxTurns, MinTurns = Math.Min(2, maxTurns) };
        var warm = SpatialModel.Run(table, parameters);
        var seconds = new List<double>();
        SmpRun last = warm;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            last = SpatialModel.Run(table, parameters);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }
        var median = BenchRuns.Median(seconds);
        var ending = last.Converged ? Invariant($"converged in {last.TurnCount} turns") : Invariant($"stopped after {last.TurnCount} turns");
        return new Timed(median, last.TurnCount, Invariant(
            $"{table.Actors.Length} actors x {table.Dimensions.Length} dimensions, {ending}; median of {repeats}, forecast {string.Join(", ", last.Forecast.Select(f => f.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)))}"));
    }
}
