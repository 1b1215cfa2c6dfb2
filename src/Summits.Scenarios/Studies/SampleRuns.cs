using Summits.Grains;

namespace Summits.Scenarios;

/// <summary>The two ways a study runs its samples: in grains, or in the pure model.</summary>
public static class SampleRuns
{
    public static SampleRun Local { get; } = (sample, _, cancellation) => ScenarioRun.LocallyAsync(sample, cancellation: cancellation);

    /// <summary>
    /// Each sample is its own world of grains, one per country and per topic, kept in memory alone
    /// (<see cref="InMemoryWorlds"/>) unless <paramref name="durable"/>: a sample needs no durability, so its grains
    /// neither read nor write storage. It is retired as its result is read, in the same calls, so that memory stays flat
    /// however many samples run.
    /// </summary>
    /// <param name="grains">The grains of the silo the samples run on.</param>
    /// <param name="asking">How each call is asked again after a timeout (<see cref="GrainAsking.Default"/> when null).</param>
    /// <param name="durable">
    /// True to write each sample's world to storage at its checkpoints as a run's is (<c>summits whatif --checkpoint-every</c>,
    /// which measures what they cost); false, the default, to keep it in memory alone.
    /// </param>
    /// <param name="ranOn">
    /// Told, once a sample's run has finished and before its world retires, the silo its world ran on
    /// (<see cref="IWorldGrain.Silo"/>, one call more a sample); null to ask nothing. Called from the runs in flight at once.
    /// </param>
    public static SampleRun InGrains(IGrainFactory grains, GrainAsking? asking = null, bool durable = false, Action<string>? ranOn = null) => async (sample, worldKey, cancellation) =>
    {
        using var inMemory = durable ? null : InMemoryWorlds.Begin();
        var run = await ScenarioRun.InGrainsAsync(grains, sample, worldKey, cancellation: cancellation, asking: asking, retire: true);
        var world = grains.GetGrain<IWorldGrain>(worldKey.Value);
        if (ranOn is not null)
            ranOn(await world.Silo());
        await world.Retire();
        return run;
    };
}
