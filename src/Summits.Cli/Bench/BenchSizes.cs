namespace Summits.Cli.Bench;

/// <summary>How big each measurement is: full size for figures, tiny for a smoke run.</summary>
/// <param name="ConvergenceRounds">The most rounds a table may bargain before it must have converged.</param>
public sealed record BenchSizes(
    TimeSpan CallDuration,
    int CallsInFlightPerCore,
    int PipelineWorlds,
    int ProposalsPerWorld,
    int ProcessRuns,
    int ConvergenceRepeats,
    int ConvergenceRounds,
    int BigTableActors,
    int SyntheticActors,
    int SyntheticTopics,
    int TelemetryRepeats,
    int MemoryWorlds)
{
    public static BenchSizes Full { get; } = new(TimeSpan.FromSeconds(2), 128, 64, 100, 5, 2, 1000, 160, 200, 50, 5, 500);

    public static BenchSizes Quick { get; } = new(TimeSpan.FromMilliseconds(200), 8, 4, 5, 1, 1, 20, 20, 10, 3, 1, 200);
}
