using System.Collections.Immutable;
using Summits.Cli.Commands;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>Figure 9: what an active world costs in memory, its grains and their stored state together.</summary>
public static class WorldMemory
{
    public const string Figure = "9";

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var world = WorldFile.Load(InputPath.Resolve(CommonOptions.DefaultWorld));
        var count = context.Sizes.MemoryWorlds;
        var before = SettledHeap();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var id = context.NewWorldId("memory");
            await BenchRuns.Asking.AskAsync("seeding", id, () => context.Grains.GetGrain<Grains.IWorldGrain>(id).Seed(world with { Id = id }));
        }));
        var after = SettledHeap();
        var perWorld = (after - before) / (double)count;
        var activations = world.Actors.Length + world.Topics.Length + 1;
        return
        [
            new(Figure, "memory per active seeded world", perWorld / 1024, "KiB",
                Detail: Invariant($"GC heap growth over {count} seeded copies of the summit world ({activations} grains each), stored state included")),
            new(Figure, "memory per grain of such a world", perWorld / activations / 1024, "KiB",
                Detail: Invariant($"{world.Actors.Length} countries, {world.Topics.Length} topics and the world grain")),
        ];
    }

    /// <summary>The heap after full, compacting collections, with finalizers run between them.</summary>
    private static long SettledHeap()
    {
        BenchRuns.CollectGarbage();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
