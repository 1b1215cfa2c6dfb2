namespace Summits.Scenarios;

/// <summary>
/// Runs one sampled scenario in the world keyed <paramref name="worldKey"/>, a lane of its study, and leaves the lane
/// holding nothing of it but ready for the lane's next sample; the study ends the lane after its last (<see cref="LaneEnd"/>).
/// </summary>
public delegate Task<RunResult> SampleRun(LoadedScenario sample, Summits.Grains.WorldKey worldKey, CancellationToken cancellation);
