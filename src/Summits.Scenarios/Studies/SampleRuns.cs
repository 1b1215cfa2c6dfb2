using Summits.Grains;

namespace Summits.Scenarios;

/// <summary>The two ways a study runs its samples: in grains, or in the pure model.</summary>
public static class SampleRuns
{
    public static SampleRun Local { get; } = (sample, _, cancellation) => ScenarioRun.LocallyAsync(sample, cancellation: cancellation);

    /// <summary>
    /// Each sample is its own world of grains, retired once its result is read, so that memory stays flat however many
    /// samples run. A call that times out is asked again as <paramref name="asking"/> says (<see cref="GrainAsking.Configured()"/> when null).
    /// </summary>
    public static SampleRun InGrains(IGrainFactory grains, GrainAsking? asking = null) => async (sample, worldKey, cancellation) =>
    {
        var run = await ScenarioRun.InGrainsAsync(grains, sample, worldKey, cancellation: cancellation, asking: asking);
        await grains.GetGrain<IWorldGrain>(worldKey).Retire();
        return run;
    };
}
