using Summits.Model;

namespace Summits.Grains;

/// <summary>A world, keyed by its id: it owns the world's metadata and seeds its countries and topics.</summary>
public interface IWorldGrain : IGrainWithStringKey
{
    /// <summary>Creates the world's country and topic grains from a loaded world file.</summary>
    Task Seed(World world);

    Task<WorldInfo> Info();

    /// <summary>The whole world as its grains hold it now, read back from each of them.</summary>
    Task<World> Snapshot();
}
