using Summits.Model;

namespace Summits.Grains;

/// <summary>The persisted state of a world grain: its metadata and the run in progress, if any.</summary>
[GenerateSerializer, Alias("summits.world-state")]
public sealed class WorldState
{
    [Id(0)] public WorldInfo? Info { get; set; }

    [Id(1)] public RunState? Run { get; set; }
}
