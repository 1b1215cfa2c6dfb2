using System.Collections.Immutable;

namespace Summits.Grains;

/// <summary>
/// The cluster's list of worlds, detached ones and those of attached runs (each with the client that drives it,
/// <see cref="ListedWorld.Client"/>), one grain keyed <see cref="Key"/> with its list in storage: how
/// <c>summits worlds list</c> finds them, and where a run that cannot be completed is recorded with its step and reason.
/// </summary>
[Alias("summits.world-registry-grain")]
public interface IWorldRegistryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one registry of a cluster.</summary>
    public const string Key = "worlds";

    /// <summary>Adds <paramref name="world"/>; the same world added again changes nothing.</summary>
    [Alias("Add")]
    Task Add(ListedWorld world);

    /// <summary>Every world listed, in the order they were added.</summary>
    [Alias("List")]
    Task<ImmutableArray<ListedWorld>> List();

    /// <summary>The world of key <paramref name="world"/>, or null when no world listed has it.</summary>
    [Alias("Find")]
    Task<ListedWorld?> Find(string world);

    /// <summary>
    /// Counts a failed try of advance <paramref name="advance"/> of <paramref name="world"/>; at the
    /// <see cref="Tries"/>-th failed try of one advance the world is recorded as failed and true is returned, telling its
    /// driver to stop.
    /// </summary>
    [Alias("Failed")]
    Task<bool> Failed(string world, int advance, int step, string reason);

    /// <summary>Forgets <paramref name="world"/>; true when it was listed.</summary>
    [Alias("Remove")]
    Task<bool> Remove(string world);

    /// <summary>How many failed tries of one advance make a detached run failed: 3.</summary>
    public const int Tries = 3;
}
