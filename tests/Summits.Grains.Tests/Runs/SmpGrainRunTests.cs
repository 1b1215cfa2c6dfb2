using Orleans.TestingHost;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>The spatial model runs in world grains as it runs in plain objects: same timeline, same state.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SmpGrainRunTests(ClusterFixture fixture)
{
    private readonly InProcessTestCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_spatial_model_run_in_grains_writes_the_same_bytes_as_the_pure_model()
    {
        var world = Path.Combine(SeedFiles.Root, "scenarios", "worlds", "dummy-3dim.yaml");
        var loaded = Forecast.Of(world, 100, 0, ForecastModel.Smp);

        var local = await ScenarioRun.LocallyAsync(loaded);
        var hosted = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Of($"smp-{Guid.NewGuid():N}"));

        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(hosted));
        Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
        Assert.Contains("\"forecast\"", RunFiles.State(hosted));
    }
}
