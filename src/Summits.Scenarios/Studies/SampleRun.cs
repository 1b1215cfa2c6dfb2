namespace Summits.Scenarios;

/// <summary>Runs one sampled scenario in the world keyed <paramref name="worldKey"/> and leaves nothing of it behind but the result.</summary>
public delegate Task<RunResult> SampleRun(LoadedScenario sample, Summits.Grains.WorldKey worldKey, CancellationToken cancellation);
