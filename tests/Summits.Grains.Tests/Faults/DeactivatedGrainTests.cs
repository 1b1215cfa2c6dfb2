using Summits.Model;
using Summits.Scenarios;

namespace Summits.Grains.Tests;

/// <summary>
/// A country or topic that the silo deactivates part way through an advance (memory pressure, rebalancing)
/// loses what the advance had changed in its memory: the advance must then fail and be run again, never
/// count as done with the change lost.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeactivatedGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_country_deactivated_after_its_calls_and_before_its_commit_fails_the_advance_and_a_retry_writes_the_clean_run()
    {
        // The world writes the advance's timeline page after the runner's calls and before the commits; Japan
        // is deactivated while that write waits. Japan had moved 20 → 20.912 in memory only (the clean run's
        // move: a pull of the US's capability 0.8 toward 80, damped by Japan's salience 0.75), so its commit
        // must fail: the advance fails once, and the retry writes the clean run's bytes, with Japan at 20.912.
        var loaded = RetriedRun.Parse(ExactlyOnceAdvanceTests.OneStep);
        var key = $"deactivated-{Guid.NewGuid():N}";
        var clean = await ScenarioRun.LocallyAsync(loaded);
        var pause = fixture.Storage.Pause(StorageOperation.Write, "timeline", GrainId.Create("timelinepage", WorldKey.Of(key).TimelinePage(0)), 1);
        var japan = fixture.Client.GetGrain<ICountryGrain>(WorldKey.Of(key).Country("JP"));
        var deactivated = Task.Run(async () =>
        {
            await pause.Reached;
            await fixture.Cluster.DeactivateAsync(japan);
            pause.Release();
        });

        var (run, failures) = await RetriedRun.RunAsync(fixture, loaded, key);
        await deactivated;

        Assert.Equal(1, failures);
        Assert.Equal(20.912, (await japan.Get()).Positions.Single(p => p.Topic == "bilateral-fta").Value.Value, 3);
        Assert.Equal(RunFiles.Timeline(clean), RunFiles.Timeline(run));
        Assert.Equal(RunFiles.State(clean), RunFiles.State(run));
    }

    [Fact]
    public async Task A_country_or_topic_deactivated_after_any_call_of_an_advance_never_loses_its_changes()
    {
        // Every call of an advance that a country or topic served in a clean run of the short run is a point
        // where the silo may deactivate it. After that, the run (with at most one failed advance, retried)
        // writes the clean run's timeline.jsonl and state.json byte for byte.
        Assert.Empty(await RetriedRun.DeactivationMismatchesAsync(fixture, RetriedRun.Parse(ExactlyOnceAdvanceTests.Short), "deact"));
    }
}
