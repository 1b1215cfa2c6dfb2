using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Summits.Hosting;

namespace Summits.Grains.Tests;

/// <summary>
/// One in-process silo shared by every grain test in this assembly that writes a world's run at every advance (set
/// here; the silo's default is every 100th); <see cref="CheckpointEvery3Fixture"/> is the one silo of those that write every third. Its named
/// storage is the silo's in-memory storage (SiloMemoryStorage), reached through a <see cref="ChosenFaultStorage"/> that tests may tell to fail.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public ClusterFixture()
        : this(checkpointEvery: 1)
    {
    }

    /// <param name="checkpointEvery">The silo's checkpoint interval (<see cref="CheckpointOptions.CheckpointEvery"/>).</param>
    protected ClusterFixture(int checkpointEvery)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddSummits(o =>
            {
                o.WrapStorage = (services, storage) =>
                    new ChosenFaultStorage(storage, services.GetRequiredService<IGrainStorageSerializer>());
                o.CheckpointEvery = checkpointEvery;
            })
            .AddIncomingGrainCallFilter(Deactivations)
            .AddIncomingGrainCallFilter(Calls));
        Cluster = builder.Build();
    }

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>Deactivates a grain after a chosen call of an advance.</summary>
    public CallDeactivations Deactivations { get; } = new();

    /// <summary>Every call the silo serves.</summary>
    public GrainCalls Calls { get; } = new();

    /// <summary>The silo's named storage.</summary>
    public ChosenFaultStorage Storage => (ChosenFaultStorage)Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Summits);

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => ((InProcessSiloHandle)Cluster.Silos[0]).ServiceProvider;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>The one in-process silo of the tests whose worlds write their runs every third advance and at the last.</summary>
public sealed class CheckpointEvery3Fixture() : ClusterFixture(checkpointEvery: 3);

/// <summary>The one in-process silo of the tests whose worlds write their runs every second advance and at the last.</summary>
public sealed class CheckpointEvery2Fixture() : ClusterFixture(checkpointEvery: 2);

/// <summary>
/// The one in-process silo of the shipped-scenario fault runs (<see cref="ShippedScenarioFaultTests"/>), whose worlds write
/// their runs every <c>SUMMITS_FAULT_CHECKPOINT_EVERY</c>-th advance and at the last (<c>tests/faults --checkpoint-every N</c>; every advance when unset).
/// </summary>
public sealed class ShippedFaultFixture() : ClusterFixture(checkpointEvery: ShippedScenarioFaultTests.CheckpointEvery());
