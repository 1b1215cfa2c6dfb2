namespace Summits.Grains;

/// <summary>The persisted state of a world grain.</summary>
[GenerateSerializer]
public sealed class WorldState
{
    [Id(0)] public WorldInfo? Info { get; set; }
}
