using Summits.Model;

namespace Summits.Grains;

/// <summary>The persisted state of a world grain: its metadata, the run in progress, if any, and how far it has advanced.</summary>
[GenerateSerializer, Alias("summits.world-state")]
public sealed class WorldState
{
    [Id(0)] public WorldInfo? Info { get; set; }

    [Id(1)] public RunState? Run { get; set; }

    /// <summary>How many advances of the run have completed; a world stored before this was counted reads 0.</summary>
    [Id(2)] public int Advances { get; set; }

    /// <summary>What the last completed advance returned, so that a caller who asks for it again gets the same answer.</summary>
    [Id(3)] public Advance? Last { get; set; }

    /// <summary>
    /// SHA-256 of the seeded world as the Orleans serializer writes it, so that a client that lost the answer to
    /// its <c>Seed</c> and asks again with the same world is answered as if the first call had just succeeded;
    /// null for a world stored before it was kept (then the world's metadata alone is compared).
    /// </summary>
    [Id(4)] public byte[]? Seeded { get; set; }
}
