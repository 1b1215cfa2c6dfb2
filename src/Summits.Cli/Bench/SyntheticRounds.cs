using System.Collections.Immutable;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>Figure 6: a synthetic world of 200 actors and 50 topics, ten autonomous rounds in grains.</summary>
public static class SyntheticRounds
{
    public const string Figure = "6";

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var (actors, topics) = (context.Sizes.SyntheticActors, context.Sizes.SyntheticTopics);
        var world = WorldGenerator.Generate(actors, topics, seed: 200, $"generated-{actors}x{topics}");
        var run = await BenchRuns.InGrainsAsync(context, BenchScenarios.Rounds(world, 10), "synthetic");
        var seconds = run.Running.TotalSeconds;
        return
        [
            new(Figure, Invariant($"{actors} x {topics} world, 10 rounds, after start-up"), seconds, "s", "< 2", seconds < 2,
                Invariant($"{Counted.Of(run.Rounds, "round")}, {Counted.Of(run.Timeline.Length, "event")}, {actors + topics + 1} grains; the first run in this silo, so its code is cold")),
            new(Figure, Invariant($"seeding the {actors} x {topics} world"), run.Seeding.TotalSeconds, "s",
                Detail: Invariant($"{actors * topics} positions into {actors} country and {topics} topic grains")),
        ];
    }
}
