using Orleans.TestingHost;

namespace Summits.Grains.Tests;

/// <summary>A world's state lives in the named storage, not in its activations.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PersistenceTests(ClusterFixture fixture)
{
    private readonly InProcessTestCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_world_reads_back_the_same_after_every_one_of_its_grains_is_deactivated()
    {
        var loaded = SeedWorlds.Fresh();
        var world = _cluster.Client.GetGrain<IWorldGrain>(loaded.Id);
        await world.Seed(loaded);
        SeedWorlds.AssertSame(loaded, await world.Snapshot());
        IAddressable[] grains =
        [
            world,
            .. loaded.Actors.Select(a => _cluster.Client.GetGrain<ICountryGrain>(WorldKey.Of(loaded.Id).Country(a.Id))),
            .. loaded.Topics.Select(t => _cluster.Client.GetGrain<ITopicGrain>(WorldKey.Of(loaded.Id).Topic(t.Id))),
        ];
        var before = grains.Select(Activation).ToArray();

        await Task.WhenAll(grains.Select(g => _cluster.DeactivateAsync(g)));
        Assert.All(grains, g => Assert.False(_cluster.TryGetGrainContext(g.GetGrainId(), out _), $"{g.GetGrainId()} is still active"));
        var reread = await world.Snapshot();

        SeedWorlds.AssertSame(loaded, reread);
        var after = grains.Select(Activation).ToArray();
        Assert.All(before.Zip(after), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    private ActivationId Activation(IAddressable grain)
    {
        Assert.True(_cluster.TryGetGrainContext(grain.GetGrainId(), out var context), $"{grain.GetGrainId()} is not active");
        return context!.ActivationId;
    }
}
