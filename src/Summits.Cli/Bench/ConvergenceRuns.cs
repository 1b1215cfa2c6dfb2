using System.Collections.Immutable;
using Summits.Cli.Commands;
using Summits.Model;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// Figure 5 and the larger KTAB-style tables: a world bargaining in autonomous rounds until no position
/// moves, in the warm silo, against what KTAB's smpc takes for the same tables.
/// </summary>
public static class ConvergenceRuns
{
    public const string SoeFigure = "5";
    public const string FortyFigure = "ktab-40";
    public const string BigFigure = "ktab-160";
    public const string SoeWorld = "scenarios/worlds/soe-18-actors.yaml";
    public const string FortyWorld = "scenarios/worlds/dummy-40.yaml";

    /// <summary>KTAB's smpc (built with -O2) on its 40-actor table, CPU seconds on this kind of machine; the target is a hundredth of it.</summary>
    public const double KtabFortySeconds = SmpRuns.KtabFortySeconds;

    /// <summary>
    /// Figure 5: the SOE world to convergence in grains and in the pure model, both engines warmed alike and then timed in
    /// alternation, so that the ratio of the two is taken pair by pair rather than from two medians measured seconds apart
    /// (<see cref="PairsAsync"/>). The grains' and the pure model's rows are the medians of their own runs, the ratio's row
    /// the median of the pairs' ratios; every row's detail lists its raw numbers.
    /// </summary>
    public static async Task<ImmutableArray<BenchResult>> MeasureSoeAsync(BenchContext context)
    {
        var world = WorldFile.Load(InputPath.Resolve(SoeWorld));
        var sizes = context.Sizes;
        var loaded = BenchScenarios.Rounds(world, sizes.ConvergenceRounds);
        var (cold, pairs) = await PairsAsync(context, loaded, sizes.ConvergenceWarmups, sizes.SoePairs);
        var grains = pairs.Select(p => p.Grains.Running.TotalMilliseconds).ToArray();
        var local = pairs.Select(p => p.Local.Milliseconds).ToArray();
        var ratios = pairs.Select(p => p.Ratio).ToArray();
        var (grainsMedian, localMedian, ratio) = (BenchRuns.Median(grains), BenchRuns.Median(local), BenchRuns.Median(ratios));
        var last = pairs[^1].Grains;
        var ending = last.Converged ? $"converged in {Counted.Of(last.Rounds, "round")}" : $"not converged after {Counted.Of(last.Rounds, "round")}";
        var alternated = Invariant($"median of {Counted.Of(pairs.Length, "run")} after {Counted.Of(sizes.ConvergenceWarmups, "untimed run")} of each engine, taken in alternation with the other engine's, each on a collected heap");
        return
        [
            new(SoeFigure, "soe-18-actors (18 x 2) to convergence, after start-up", grainsMedian, "ms", "< 50 ms", grainsMedian < 50 && last.Converged,
                Invariant($"{SoeWorld}: {ending}, {Counted.Of(last.Timeline.Length, "event")}; first (cold) run {cold.Running.TotalMilliseconds:0} ms, {alternated}; seeding {last.Seeding.TotalMilliseconds:0} ms; runs (ms) {BenchRuns.Listed(grains, "0.0")}; {BenchRuns.Collected(pairs.Select(p => p.Grains.Collector), "run")}")),
            new(SoeFigure, "soe-18-actors to convergence, the pure model", localMedian, "ms",
                Detail: Invariant($"the same world and rounds in plain objects (--engine local), in this process; {alternated}; runs (ms) {BenchRuns.Listed(local, "0.0")}; {BenchRuns.Collected(pairs.Select(p => p.Local.Collector), "run")}")),
            new(SoeFigure, "soe-18-actors, grains / pure model", ratio, "ratio", "<= 2", ratio <= 2,
                Detail: Invariant($"the median of the ratios of {Counted.Of(ratios.Length, "pair")} of runs (grains / pure model, each pair run one after the other, the pure model first in every second pair), {BenchRuns.Spread(ratios, "0.00")}; pairs {BenchRuns.Listed(ratios, "0.00")}; the medians' ratio {grainsMedian:0.0} ms / {localMedian:0.0} ms = {grainsMedian / localMedian:0.00}")),
        ];
    }

    /// <summary>One timed pair of figure 5: a run in grains and one in the pure model, one right after the other.</summary>
    private sealed record Pair(BenchRuns.Timed Grains, LocalRun Local)
    {
        public double Ratio => Grains.Running.TotalMilliseconds / Local.Milliseconds;
    }

    /// <summary>One run in the pure model: its time, and what the collector did during it.</summary>
    private sealed record LocalRun(double Milliseconds, BenchRuns.Collecting Collector);

    /// <summary>
    /// <paramref name="warmups"/> untimed runs of each engine, grains and pure model in turn (the first grains run kept as
    /// the cold one), so that both reach the same state of tiered compilation before either is timed; then
    /// <paramref name="pairs"/> timed pairs, in grains then the pure model and the other way round in every second pair, so
    /// that neither engine always runs right after the other's garbage or always first. Every run starts on a collected heap.
    /// </summary>
    private static async Task<(BenchRuns.Timed Cold, Pair[] Pairs)> PairsAsync(BenchContext context, LoadedScenario loaded, int warmups, int pairs)
    {
        BenchRuns.Timed? cold = null;
        for (var i = 0; i < Math.Max(warmups, 1); i++)
        {
            var run = await BenchRuns.InGrainsAsync(context, loaded, "soe");
            cold ??= run;
            await ScenarioRun.LocallyAsync(loaded);
        }
        var timed = new Pair[pairs];
        for (var i = 0; i < pairs; i++)
        {
            LocalRun? local = null;
            if (i % 2 == 1)
                local = await LocalRunAsync(loaded);
            BenchRuns.CollectGarbage();
            var grains = await BenchRuns.InGrainsAsync(context, loaded, "soe");
            local ??= await LocalRunAsync(loaded);
            timed[i] = new Pair(grains, local);
        }
        return (cold!, timed);
    }

    /// <summary>One timed run of <paramref name="loaded"/> in plain objects, on a heap collected untimed just before it.</summary>
    private static async Task<LocalRun> LocalRunAsync(LoadedScenario loaded)
    {
        BenchRuns.CollectGarbage();
        var collecting = BenchRuns.Collecting.Now();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ScenarioRun.LocallyAsync(loaded);
        var milliseconds = clock.Elapsed.TotalMilliseconds;
        return new LocalRun(milliseconds, BenchRuns.Collecting.Since(collecting));
    }

    public static async Task<ImmutableArray<BenchResult>> MeasureFortyAsync(BenchContext context)
    {
        var runs = await RepeatAsync(context, WorldFile.Load(InputPath.Resolve(FortyWorld)), "forty");
        var target = KtabFortySeconds / 100;
        // The ratio divides by the figure's own median: the first (cold) run warms the code and is left out.
        var median = BenchRuns.Median(runs[1..].Select(r => r.Running.TotalSeconds));
        return
        [
            Result(FortyFigure, "dummy-40 (40 x 1) to convergence, after start-up", runs, target, Invariant($"< {target * 1000:0} ms (KTAB 13.8 s / 100)"), FortyWorld, context.Sizes.ConvergenceWarmups),
            new(FortyFigure, "KTAB smpc / summits on the 40-actor table", KtabFortySeconds / median, "ratio", ">= 100", KtabFortySeconds / median >= 100,
                Invariant($"{KtabFortySeconds} s / {median:0.000} s")),
        ];
    }

    public static async Task<ImmutableArray<BenchResult>> MeasureBigAsync(BenchContext context)
    {
        var actors = context.Sizes.BigTableActors;
        var world = WorldGenerator.Generate(actors, 2, seed: 160, $"generated-{actors}x2");
        // One run takes seconds, long enough for its own hot code to be compiled in full: one cold run, one timed.
        var runs = await RepeatAsync(context, world, "big", repeats: 1, warmups: 1);
        return [Result(BigFigure, Invariant($"generated {actors} x 2 table to convergence, after start-up"), runs, 5, "< 5 s",
            Invariant($"WorldGenerator.Generate({actors}, 2, seed: 160)"), warmups: 1)];
    }

    /// <summary>
    /// <paramref name="warmups"/> untimed runs (<see cref="BenchSizes.ConvergenceWarmups"/> unless given), the first of
    /// them kept as the cold run, then the repeats, each on a collected heap (<see cref="BenchRuns.RepeatedAsync{T}"/>):
    /// the cold run first in the array, the timed ones after it.
    /// </summary>
    private static async Task<BenchRuns.Timed[]> RepeatAsync(BenchContext context, World world, string prefix, int? repeats = null, int? warmups = null)
    {
        var loaded = BenchScenarios.Rounds(world, context.Sizes.ConvergenceRounds);
        var cold = await BenchRuns.InGrainsAsync(context, loaded, prefix);
        for (var i = 1; i < (warmups ?? context.Sizes.ConvergenceWarmups); i++)
            await BenchRuns.InGrainsAsync(context, loaded, prefix);
        var timed = await BenchRuns.RepeatedAsync(repeats ?? context.Sizes.ConvergenceRepeats, () => BenchRuns.InGrainsAsync(context, loaded, prefix));
        return [cold, .. timed];
    }

    private static BenchResult Result(string figure, string name, BenchRuns.Timed[] runs, double targetSeconds, string target, string source, int warmups)
    {
        // The first run warms the code; with repeats, the figure is the median of the rest.
        var timed = runs.Length > 1 ? runs[1..] : runs;
        var median = BenchRuns.Median(timed.Select(r => r.Running.TotalSeconds));
        var last = timed[^1];
        var ending = last.Converged ? $"converged in {Counted.Of(last.Rounds, "round")}" : $"not converged after {Counted.Of(last.Rounds, "round")}";
        return new(figure, name, median * 1000, "ms", target, median < targetSeconds && last.Converged,
            Invariant($"{source}: {ending}, {Counted.Of(last.Timeline.Length, "event")}; first (cold) run {runs[0].Running.TotalMilliseconds:0} ms, median of {timed.Length} after {Counted.Of(warmups, "untimed run")}; seeding {last.Seeding.TotalMilliseconds:0} ms"));
    }
}
