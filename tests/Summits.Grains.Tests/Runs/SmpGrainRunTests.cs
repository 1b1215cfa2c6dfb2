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

    [Theory]
    [InlineData("as-is")]
    [InlineData("xj-reformer")]
    public async Task A_branch_of_a_forked_spatial_model_scenario_runs_the_spatial_model_in_grains(string branch)
    {
        // soe-fork.yaml says 'model: smp' above its fork. Each branch run in grains must write what the same branch
        // writes run in plain objects, and a forecast: the spatial model's, which only its turns write into state.json.
        var folder = SmpForkScenarios.Write();
        try
        {
            var loaded = BranchChoice.Load(Path.Combine(folder, $"{SmpForkScenarios.ForkedFile}#{branch}"), null, null, p => p);

            var local = await ScenarioRun.LocallyAsync(loaded);
            var hosted = await ScenarioRun.InGrainsAsync(_cluster.Client, loaded, WorldKey.Branch($"smp-{Guid.NewGuid():N}", branch));

            Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(hosted));
            Assert.Equal(RunFiles.State(local), RunFiles.State(hosted));
            Assert.NotNull(StateDocument.Of(hosted).Forecast);
            Assert.Contains(hosted.Timeline, e => e.Kind == EventKind.Converged);
            Assert.DoesNotContain(hosted.Timeline, e => e.Kind == EventKind.Proposal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
