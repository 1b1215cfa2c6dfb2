namespace Summits.Cli.Bench;

/// <summary>How big each measurement is: full size for figures, tiny for a smoke run.</summary>
public sealed record BenchSizes(
    TimeSpan CallDuration,
    int CallsInFlightPerCore,
    int PipelineWorlds,
    int ProposalsPerWorld,
    int ProcessRuns,
    int ConvergenceRepeats,
    int BigTableActors,
    int SyntheticActors,
    int SyntheticTopics,
    int TelemetryRepeats,
    int MemoryWorlds)
{
    public static BenchSizes Full { get; } = new(TimeSpan.FromSeconds(2), 128, 64, 100, 5, 3, 160, 200, 50, 2, 500);

    public static BenchSizes Quick { get; } = new(TimeSpan.FromMilliseconds(200), 8, 4, 5, 1, 1, 20, 10, 3, 1, 5);
}
