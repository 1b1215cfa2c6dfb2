using Orleans.Storage;

namespace Summits.Hosting;

/// <summary>What <see cref="SummitsHosting.AddSummits(Orleans.Hosting.ISiloBuilder, Action{SummitsSiloOptions}?)"/> adds to a silo beyond the grains and their storage.</summary>
public sealed class SummitsSiloOptions
{
    /// <summary>Carry the caller's trace into grain calls, so that grain spans join a run's trace (off by default: it costs on every call).</summary>
    public bool Tracing { get; set; }

    /// <summary>
    /// Wraps the grain storage the Summits grains write to, given the silo's services and the storage
    /// itself; null (the default) uses the storage as it is. The fault-injection tests wrap it in a storage
    /// that fails chosen writes and reads.
    /// </summary>
    public Func<IServiceProvider, IGrainStorage, IGrainStorage>? WrapStorage { get; set; }

    /// <summary>
    /// Write a world's run every N-th advance and at its last (1 to <see cref="Grains.CheckpointOptions.Most"/>);
    /// null (the default) takes <c>Summits:CheckpointEvery</c> from the host's configuration
    /// (<see cref="SummitsSettings"/>), or <see cref="Grains.CheckpointOptions.DefaultEvery"/> (100) when it has none. See <see cref="Grains.CheckpointOptions"/>.
    /// </summary>
    public int? CheckpointEvery { get; set; }

    /// <summary>
    /// The cluster the silo joins, through Redis clustering, keeping grain state in the same Redis server; null (the
    /// default) takes <c>Summits:Cluster</c> from the host's configuration, or joins none when it has none, the caller
    /// then choosing the clustering and the state living in memory. See <see cref="SummitsSettings.Cluster"/>.
    /// </summary>
    public ClusterAddress? Cluster { get; set; }

    /// <summary>
    /// The id of the cluster the silo joins (<see cref="ClusterIds"/>), its service id as well; null (the default) takes
    /// <c>Summits:ClusterId</c> from the host's configuration, or <see cref="ClusterIds.Default"/>. Used only with a cluster.
    /// </summary>
    public string? ClusterId { get; set; }

    /// <summary>
    /// How soon the silo notices another's death, and its detached worlds' reminder period (<see cref="ClusterTimings"/>);
    /// null (the default) takes them from the host's configuration (<c>Summits:ProbeTimeout</c> and the others), or
    /// Orleans' defaults when it has none. Used only with a cluster.
    /// </summary>
    public ClusterTimings? Timings { get; set; }

    /// <summary>
    /// A Redis server that keeps the grains' state of a silo that joins no cluster (<see cref="Cluster"/> null): the
    /// classroom's silo, alone on its machine, keeping its tables there so that a restart finds them. The keys stand
    /// under the service id <see cref="ClusterId"/> (or <c>Summits:ClusterId</c>, else <see cref="ClusterIds.Default"/>),
    /// as a cluster's grains' do; membership and reminders stay with the silo. Null (the default) keeps the state in the
    /// silo's memory. Ignored when the silo joins a cluster, whose own Redis server keeps its state.
    /// </summary>
    public ClusterAddress? StateStore { get; set; }
}
