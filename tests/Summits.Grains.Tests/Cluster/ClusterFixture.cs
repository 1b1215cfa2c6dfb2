using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Summits.Hosting;

namespace Summits.Grains.Tests;

/// <summary>
/// One in-process silo shared by every grain test in this assembly. Its named storage is the memory
/// storage, reached through a <see cref="ChosenFaultStorage"/> that tests may tell to fail.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddSummits(o => o.WrapStorage = (services, storage) =>
                new ChosenFaultStorage(storage, services.GetRequiredService<IGrainStorageSerializer>()))
            .AddIncomingGrainCallFilter(Deactivations));
        Cluster = builder.Build();
    }

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>Deactivates a grain after a chosen call of an advance.</summary>
    public CallDeactivations Deactivations { get; } = new();

    /// <summary>The silo's named storage.</summary>
    public ChosenFaultStorage Storage => (ChosenFaultStorage)Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Summits);

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => ((InProcessSiloHandle)Cluster.Silos[0]).ServiceProvider;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
