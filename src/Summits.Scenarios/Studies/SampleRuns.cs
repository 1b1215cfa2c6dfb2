using Summits.Grains;

namespace Summits.Scenarios;

/// <summary>The two ways a study runs its samples: in grains, or in the pure model.</summary>
public static class SampleRuns
{
    public static SampleRun Local { get; } = (sample, _, cancellation) => ScenarioRun.LocallyAsync(sample, cancellation: cancellation);

    /// <summary>Each sample is its own world of grains, retired once its result is read, so that memory stays flat however many samples run.</summary>
    public static SampleRun InGrains(IGrainFactory grains) => async (sample, worldKey, cancellation) =>
    {
        var run = await ScenarioRun.InGrainsAsync(grains, sample, worldKey, cancellation: cancellation);
        await grains.GetGrain<IWorldGrain>(worldKey).Retire();
        return run;
    };
}
