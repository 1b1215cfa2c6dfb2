using System.Collections.Concurrent;
using Summits.Grains;

namespace Summits.Scenarios;

/// <summary>The two ways a study runs its samples: in grains, or in the pure model.</summary>
public static class SampleRuns
{
    public static SampleRun Local { get; } = (sample, _, cancellation) => ScenarioRun.LocallyAsync(sample, cancellation: cancellation);

    /// <summary>
    /// Each sample runs in a world of grains, one per country and per topic, kept in memory alone
    /// (<see cref="InMemoryWorlds"/>) unless <paramref name="durable"/>: a sample needs no durability, so its grains
    /// write nothing to storage (a grain lost and activated again reads it, and finds nothing of the sample). The world is
    /// its study's lane (<see cref="WhatIfStudy"/>): the sample seeds it anew (every country, and every topic that does not
    /// hold that very seeding already, <see cref="IWorldGrain.TopicSeeding"/>), runs, and reads it back as
    /// <see cref="IWorldGrain.Final"/> does, which empties every grain it reads back (those the run changed) but leaves them
    /// all active for the lane's next sample; <see cref="EndInGrains"/> retires them after the last. A sample kept in
    /// memory is one call to its world (<see cref="ScenarioRun.SampleInGrainsAsync"/>); a durable one is asked call by
    /// call, as a run is, so that a call asked again resumes its run from the last checkpoint.
    /// </summary>
    /// <param name="grains">The grains of the silo the samples run on.</param>
    /// <param name="asking">How each call is asked again after a timeout (<see cref="GrainAsking.Default"/> when null).</param>
    /// <param name="durable">
    /// True to write each sample's world to storage at its checkpoints as a run's is (<c>summits whatif --checkpoint-every</c>,
    /// which measures what they cost); false, the default, to keep it in memory alone.
    /// </param>
    /// <param name="ranOn">
    /// Told, once a sample's run has finished and been read back, the silo its world ran on
    /// (<see cref="IWorldGrain.Silo"/>, one call more a sample); null to ask nothing. Called from the runs in flight at once.
    /// </param>
    /// <param name="spread">On a cluster, the silo each lane's world is placed on; null to place each at random (one silo).</param>
    public static SampleRun InGrains(IGrainFactory grains, GrainAsking? asking = null, bool durable = false, Action<string>? ranOn = null, LaneSilos? spread = null)
    {
        // Each lane's world grain reference, made once: a reference made anew looks its interface's grain type up and
        // builds a proxy, which the on-CPU profile of a 10,000-run study put at 2.5 % of its processor time.
        var worlds = new ConcurrentDictionary<WorldKey, IWorldGrain>();
        return async (sample, worldKey, cancellation) =>
        {
            using var placed = spread?.Place(worldKey);
            var world = worlds.GetOrAdd(worldKey, key => grains.GetGrain<IWorldGrain>(key.Value));
            var run = durable
                ? await ScenarioRun.InGrainsAsync(world, sample, cancellation: cancellation, asking: asking, retire: true)
                : await ScenarioRun.SampleInGrainsAsync(world, sample, asking, cancellation);
            if (ranOn is not null)
                ranOn(await world.Silo());
            return run;
        };
    }

    /// <summary>
    /// Ends a lane of a study run by <see cref="InGrains"/> with the same <paramref name="durable"/>: its world grain and
    /// every country and topic grain it called deactivate (<see cref="IWorldGrain.Retire"/>), in one call from here.
    /// </summary>
    public static LaneEnd EndInGrains(IGrainFactory grains, bool durable = false) => async lane =>
    {
        // Marked as the lane's seedings were: a lane whose world grain is gone activates again in memory, holding nothing,
        // rather than reading storage to find nothing there.
        using var inMemory = durable ? null : InMemoryWorlds.Begin();
        await grains.GetGrain<IWorldGrain>(lane.Value).Retire();
    };
}
