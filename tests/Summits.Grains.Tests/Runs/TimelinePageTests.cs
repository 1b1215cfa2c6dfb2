using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// A world's timeline read in pages (<see cref="IWorldGrain.Timeline"/>, <see cref="IWorldGrain.Watch"/>): no answer
/// holds more than <see cref="IWorldGrain.TimelineMost"/> events, however long the run, and the pages read one after
/// another are the run's timeline, byte for byte.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TimelinePageTests(ClusterFixture fixture)
{
    // The test cluster's client, through which every call of these tests goes.
    private IClusterClient Client => fixture.Cluster.Client;

    // 471 rounds of 18 actors' bargaining: a run longer than one answer may carry.
    private static LoadedScenario Converge() => ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "bench", "soe-18-converge.yaml"));

    [Fact]
    public async Task A_long_runs_timeline_comes_in_answers_of_at_most_ten_thousand_events_that_make_up_the_whole_run()
    {
        var loaded = Converge();
        var local = await ScenarioRun.LocallyAsync(loaded);
        // The pure model's run has 28,719 events (summits run soe-18-converge.yaml --engine local --format json | wc -l):
        // more than two answers' worth, so the last of three answers holds 28,719 - 2 × 10,000 = 8,719.
        Assert.Equal(28_719, local.Timeline.Length);
        var key = $"pages-{Guid.NewGuid():N}";
        await ScenarioRun.InGrainsAsync(Client, loaded, WorldKey.Of(key));
        var world = Client.GetGrain<IWorldGrain>(key);

        // Asked for everything, an answer holds 10,000 events: the first 10,000 of the run.
        var first = await world.Timeline(0, int.MaxValue);
        Assert.Equal(IWorldGrain.TimelineMost, first.Length);
        Assert.Equal(Lines(local.Timeline.Take(10_000)), Lines(first));

        // Asked after an event inside a page, or for a few, it answers those that follow, and nothing after the last event.
        Assert.Equal(Lines(local.Timeline.Skip(12_345).Take(3)), Lines(await world.Timeline(12_345, 3)));
        Assert.Equal(Lines(local.Timeline.Skip(28_718)), Lines(await world.Timeline(28_718, 10)));
        Assert.Empty(await world.Timeline(28_719, 10));

        // Read page after page, 10,000 at a time, the timeline is the pure model's, byte for byte, in three answers.
        var sizes = new List<int>();
        var read = ImmutableArray.CreateBuilder<TimelineEvent>();
        await foreach (var page in world.PagesAsync(0, null, int.MaxValue))
        {
            sizes.Add(page.Length);
            read.AddRange(page);
        }
        Assert.Equal([10_000, 10_000, 8_719], sizes);
        Assert.Equal(RunFiles.Timeline(local), RunFiles.Timeline(local with { Timeline = read.ToImmutable() }));

        // Read in pages of 7 up to a progress's event count, it stops there: 4,103 pages, the last of 28,719 - 4,102 × 7 = 5.
        sizes.Clear();
        await foreach (var page in world.PagesAsync(0, 28_719, 7))
            sizes.Add(page.Length);
        Assert.Equal(4_103, sizes.Count);
        Assert.Equal(5, sizes[^1]);

        // A watch of the finished run answers the first 10,000 events too, with the run's count to read the rest by.
        var watcher = Client.CreateObjectReference<IWorldWatcher>(new NoWatcher());
        var watch = await world.Watch(watcher, 0, int.MaxValue);
        Assert.Equal(IWorldGrain.TimelineMost, watch.Events.Length);
        Assert.Equal((28_719, 28_719), (watch.Finished, watch.Written));
        Assert.Equal(28_719, (await world.Progress()).Events);
        await world.Retire();
    }

    [Fact]
    public async Task A_page_asked_for_from_before_the_first_event_or_of_no_event_is_refused()
    {
        var key = $"pages-{Guid.NewGuid():N}";
        await ScenarioRun.InGrainsAsync(Client, ScenarioFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "baseline.yaml")), WorldKey.Of(key));
        var world = Client.GetGrain<IWorldGrain>(key);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => world.Timeline(-1, 5));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => world.Timeline(0, 0));
        await world.Retire();
    }

    private static IEnumerable<string> Lines(IEnumerable<TimelineEvent> events) => events.Select(SeedWorlds.Json);

    private sealed class NoWatcher : IWorldWatcher
    {
        public Task Wrote(ImmutableArray<TimelineEvent> events) => Task.CompletedTask;

        public Task Stopped(int? events) => Task.CompletedTask;
    }
}
