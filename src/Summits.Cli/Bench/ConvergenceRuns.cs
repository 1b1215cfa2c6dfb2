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

    public static async Task<ImmutableArray<BenchResult>> MeasureSoeAsync(BenchContext context)
    {
        var world = WorldFile.Load(CommonOptions.Resolve(SoeWorld));
        var runs = await RepeatAsync(context, world, "soe");
        var grains = Result(SoeFigure, "soe-18-actors (18 x 2) to convergence, after start-up", runs, 0.050, "< 50 ms", SoeWorld, context.Sizes.ConvergenceWarmups);
        var local = await LocallyAsync(world, context.Sizes.ConvergenceRounds, context.Sizes.ConvergenceRepeats, context.Sizes.ConvergenceWarmups);
        var ratio = grains.Value / local.TotalMilliseconds;
        return
        [
            grains,
            new(SoeFigure, "soe-18-actors to convergence, the pure model", local.TotalMilliseconds, "ms",
                Detail: Invariant($"the same world and rounds in plain objects (--engine local), in this process; median of {context.Sizes.ConvergenceRepeats} after {Counted.Of(context.Sizes.ConvergenceWarmups, "untimed run")}")),
            new(SoeFigure, "soe-18-actors, grains / pure model", ratio, "ratio", "<= 2", ratio <= 2,
                Detail: Invariant($"{grains.Value:0.0} ms / {local.TotalMilliseconds:0.0} ms")),
        ];
    }

    /// <summary>The median time of <paramref name="repeats"/> runs of <paramref name="world"/> in plain objects, after <paramref name="warmups"/> untimed ones, each on a collected heap.</summary>
    private static async Task<TimeSpan> LocallyAsync(World world, int rounds, int repeats, int warmups)
    {
        var loaded = BenchScenarios.Rounds(world, rounds);
        for (var i = 0; i < warmups; i++)
            await ScenarioRun.LocallyAsync(loaded);
        var times = await BenchRuns.RepeatedAsync(repeats, async () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await ScenarioRun.LocallyAsync(loaded);
            return clock.Elapsed.TotalMilliseconds;
        });
        return TimeSpan.FromMilliseconds(BenchRuns.Median(times));
    }

    public static async Task<ImmutableArray<BenchResult>> MeasureFortyAsync(BenchContext context)
    {
        var runs = await RepeatAsync(context, WorldFile.Load(CommonOptions.Resolve(FortyWorld)), "forty");
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
