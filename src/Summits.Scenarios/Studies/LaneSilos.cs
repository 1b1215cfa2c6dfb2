using System.Collections.Concurrent;
using Orleans.Runtime.Placement;
using Summits.Grains;

namespace Summits.Scenarios;

/// <summary>
/// Spreads a study's lanes over the silos of a cluster: each lane, as it is first seen, is given the next silo in turn
/// (by address), and its calls carry that silo as Orleans' placement hint (<see cref="IPlacementDirector.PlacementHintKey"/>),
/// which the world grain's random placement takes when the lane's world activates there. A study on a cluster has a few
/// lanes (its runs in flight), not one world per sample, so placing them at random would leave a silo without any once
/// in a while (all 4 lanes on one of 2 silos once in 8 studies); in turn, every silo has one as soon as there are as
/// many lanes as silos. A hint naming a silo that has left is ignored, and the world is placed at random.
/// </summary>
public sealed class LaneSilos
{
    private readonly SiloAddress[] _silos;
    private readonly ConcurrentDictionary<WorldKey, SiloAddress> _lanes = new();
    private int _given = -1;

    /// <summary>The silos to spread over, in the order they are given out; at least one.</summary>
    /// <exception cref="ArgumentException">When <paramref name="silos"/> is empty.</exception>
    public LaneSilos(IEnumerable<SiloAddress> silos)
    {
        _silos = [.. silos];
        if (_silos.Length == 0)
            throw new ArgumentException("lanes are spread over at least one silo", nameof(silos));
    }

    /// <summary>The active silos of the cluster <paramref name="grains"/> belongs to, by address (its management grain's hosts).</summary>
    public static async Task<LaneSilos> OfClusterAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return new LaneSilos(hosts.Keys.OrderBy(silo => silo.ToString(), StringComparer.Ordinal));
    }

    /// <summary>The silo lane <paramref name="lane"/>'s world is placed on: the same for every call of the lane.</summary>
    public SiloAddress For(WorldKey lane) =>
        _lanes.GetOrAdd(lane, _ => _silos[(int)((uint)Interlocked.Increment(ref _given) % (uint)_silos.Length)]);

    /// <summary>
    /// Marks every grain call made in this asynchronous flow, until the returned scope is disposed, with lane
    /// <paramref name="lane"/>'s silo as the placement hint.
    /// </summary>
    public IDisposable Place(WorldKey lane)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, For(lane));
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => RequestContext.Remove(IPlacementDirector.PlacementHintKey);
    }
}
