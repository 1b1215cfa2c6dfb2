using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>Runs a scenario in grains the way a careful client does: each advance named, and asked for again after a failure.</summary>
internal static class RetriedRun
{
    /// <summary>A scenario written for a test, loaded as if it stood beside the shipped what-if scenarios.</summary>
    public static LoadedScenario Parse(string text) =>
        ScenarioFile.Parse(Path.Combine(SeedFiles.Root, "scenarios", "what-if", "fault-test.yaml"), text);

    /// <summary>
    /// Seeds and starts the scenario on world <paramref name="key"/>, then advances to the end, asking again
    /// for a seeding, a start or an advance that failed (at most <paramref name="retries"/> times in all). With
    /// <paramref name="deactivate"/>, every grain of the world is deactivated after each advance, so that
    /// the next one reads its state from storage.
    /// </summary>
    public static async Task<(RunResult Run, int Failures)> RunAsync(ClusterFixture fixture, LoadedScenario loaded, string key,
        bool deactivate = false, int retries = 3)
    {
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        var failures = 0;
        // A seeding that failed left the world unseeded (only the world's own write, its last, seeds it), and a
        // start that failed left it not started: each is simply asked for again.
        await Retried(async () => { await world.Seed(loaded.World with { Id = key }); return 0; });
        await Retried(async () => { await world.Start(loaded.Scenario); return 0; });
        var events = ImmutableArray.CreateBuilder<TimelineEvent>();
        var step = 0;
        Advance advance;
        while (true)
        {
            try
            {
                advance = await world.Advance(step);
            }
            catch (Exception) when (failures < retries)
            {
                failures++;
                continue;
            }
            events.AddRange(advance.Events);
            step++;
            if (deactivate)
                await DeactivateAllAsync(fixture, loaded.World, key, step);
            if (advance.Finished)
                break;
        }
        var final = await Retried(() => world.Snapshot());
        var run = new RunResult(loaded, loaded.World, final with { Id = loaded.World.Id }, events.ToImmutable(), advance.Failures);
        Assert.Equal(RunFiles.Timeline(run), RunFiles.Timeline(run with { Timeline = await Retried(() => world.WholeTimelineAsync()) }));
        return (run, failures);

        async Task<T> Retried<T>(Func<Task<T>> read)
        {
            while (true)
            {
                try
                {
                    return await read();
                }
                catch (Exception) when (failures < retries)
                {
                    failures++;
                }
            }
        }
    }

    /// <summary>
    /// The clean run that faulted runs are held to: the scenario run in grains on a new world named from
    /// <paramref name="prefix"/>, with no fault, must write the pure model's bytes (the engines agree). Returns it,
    /// its world's key, and every storage call of <paramref name="reads"/>' kind (reads, or writes) it made, from
    /// the first of its seeding through its start and its advances to the last read of its results, each a point
    /// where a run can fail.
    /// </summary>
    public static async Task<(RunResult Clean, string Key, StorageCall[] Points)> CleanAsync(ClusterFixture fixture, LoadedScenario loaded, string prefix, bool reads)
    {
        var expected = await ScenarioRun.LocallyAsync(loaded);
        var key = $"{prefix}-{Guid.NewGuid():N}";
        var (clean, failures) = await RunAsync(fixture, loaded, key, deactivate: reads);
        Assert.Equal(0, failures);
        Assert.Equal(RunFiles.Timeline(expected), RunFiles.Timeline(clean));
        Assert.Equal(RunFiles.State(expected), RunFiles.State(clean));
        var operation = reads ? StorageOperation.Read : StorageOperation.Write;
        return (clean, key, [.. fixture.Storage.CallsOn(key).Where(c => c.Operation == operation)]);
    }

    /// <summary>
    /// The storage-fault check of the short run (<see cref="ExactlyOnceAdvanceTests.Short"/>) on <paramref name="fixture"/>'s
    /// silo: its clean run in grains writes the pure model's bytes (<see cref="CleanAsync"/>) and makes
    /// <paramref name="points"/> storage calls of <paramref name="reads"/>' kind (its writes by state
    /// <paramref name="writesByState"/>, <see cref="ShortRunPoints.ByState"/>), and after a fault at any one of them
    /// and a retry, a run writes the clean run's bytes (<see cref="StorageFaultMismatchesAsync"/>).
    /// </summary>
    public static async Task AssertShortRunSurvivesEveryStorageFaultAsync(ClusterFixture fixture, string prefix, bool reads, bool afterWriting,
        int points, string writesByState)
    {
        var loaded = Parse(ExactlyOnceAdvanceTests.Short);
        var (clean, cleanKey, calls) = await CleanAsync(fixture, loaded, prefix, reads);
        Assert.Equal(points, calls.Length);
        if (!reads)
            Assert.Equal(writesByState, ShortRunPoints.ByState(calls));

        Assert.Empty(await StorageFaultMismatchesAsync(fixture, loaded, (clean, cleanKey, calls), prefix, reads, afterWriting));
    }

    /// <summary>
    /// Runs the scenario once for each storage call of the clean run on <paramref name="cleanRun"/>'s key (four at a time),
    /// each on a new world named from <paramref name="prefix"/> whose matching call fails once (after the write has
    /// landed, with <paramref name="afterWriting"/>), and says, in words, every run that did not fail once and then
    /// write the clean run's bytes (<see cref="Mismatch"/>). Empty when every point holds.
    /// </summary>
    public static Task<List<string>> StorageFaultMismatchesAsync(ClusterFixture fixture, LoadedScenario loaded,
        (RunResult Clean, string Key, StorageCall[] Points) cleanRun, string prefix, bool reads, bool afterWriting) =>
        MismatchesAsync(cleanRun.Points, async point =>
        {
            var key = $"{prefix}-{Guid.NewGuid():N}";
            fixture.Storage.Fail(point.Operation, point.StateName, ChosenFaultStorage.Moved(point.Grain, cleanRun.Key, key), point.Nth, afterWriting);
            var (run, failures) = await RunAsync(fixture, loaded, key, deactivate: reads);
            return Mismatch(point, cleanRun.Key, cleanRun.Clean, run, failures);
        });

    /// <summary>
    /// Every call of an advance that a country or topic served in a clean run of the scenario (at least 20) is a
    /// point where the silo may deactivate it: runs the scenario once per point (four at a time) on a new world named
    /// from <paramref name="prefix"/>, that grain deactivated after that call, and says, in words, every run that
    /// failed more than once or wrote other bytes than the clean run. Empty when every point holds.
    /// </summary>
    public static async Task<List<string>> DeactivationMismatchesAsync(ClusterFixture fixture, LoadedScenario loaded, string prefix)
    {
        var (clean, cleanKey, _) = await CleanAsync(fixture, loaded, prefix, reads: false);
        // Calls on a grain are numbered from 1 since the silo started; in a new world each grain starts at 1,
        // so the point is the call's place among the calls on its grain in the clean run.
        var places = fixture.Deactivations.CallsOn(cleanKey)
            .GroupBy(c => c.Grain)
            .SelectMany(g => g.Select((c, i) => (c.Grain, Place: i + 1)))
            .ToArray();
        Assert.True(places.Length >= 20, $"only {places.Length} points");
        return await MismatchesAsync(places, async point =>
        {
            var key = $"{prefix}-{Guid.NewGuid():N}";
            fixture.Deactivations.After(ChosenFaultStorage.Moved(point.Grain, cleanKey, key), point.Place);
            var (run, failures) = await RunAsync(fixture, loaded, key);
            var name = $"after call {point.Place} on {point.Grain.Key.ToString()![cleanKey.Length..]}";
            return failures > 1 ? $"{name}: {failures} failures"
                : RunFiles.Timeline(run) != RunFiles.Timeline(clean) ? $"{name}: another timeline"
                : RunFiles.State(run) != RunFiles.State(clean) ? $"{name}: another state"
                : null;
        });
    }

    /// <summary>Tries every point, four at a time, and lists what the tries said went wrong.</summary>
    private static async Task<List<string>> MismatchesAsync<T>(IEnumerable<T> points, Func<T, Task<string?>> attempt)
    {
        var outcomes = new List<string>();
        foreach (var batch in points.Chunk(4))
        {
            foreach (var mismatch in await Task.WhenAll(batch.Select(attempt)))
            {
                if (mismatch is not null)
                    outcomes.Add(mismatch);
            }
        }
        return outcomes;
    }

    /// <summary>
    /// What went wrong in a run that failed at <paramref name="point"/> of the clean run on <paramref name="cleanKey"/>,
    /// in words, or null when it failed once and then wrote the clean run's timeline.jsonl and state.json byte for byte.
    /// </summary>
    public static string? Mismatch(StorageCall point, string cleanKey, RunResult clean, RunResult run, int failures)
    {
        var name = $"{point.Operation} {point.Nth} of {point.StateName} on {point.Grain.Key.ToString()![cleanKey.Length..]}";
        if (failures != 1)
            return $"{name}: {failures} failures";
        if (RunFiles.Timeline(run) != RunFiles.Timeline(clean))
            return $"{name}: another timeline";
        return RunFiles.State(run) != RunFiles.State(clean) ? $"{name}: another state" : null;
    }

    public static async Task DeactivateAllAsync(ClusterFixture fixture, World world, string key, int advances)
    {
        IAddressable[] grains =
        [
            fixture.Client.GetGrain<IWorldGrain>(key),
            .. world.Actors.Select(a => fixture.Client.GetGrain<ICountryGrain>(WorldKey.Of(key).Country(a.Id))),
            .. world.Topics.Select(t => fixture.Client.GetGrain<ITopicGrain>(WorldKey.Of(key).Topic(t.Id))),
            .. Enumerable.Range(0, advances).Select(n => fixture.Client.GetGrain<ITimelinePageGrain>(WorldKey.Of(key).TimelinePage(n))),
        ];
        await Task.WhenAll(grains.Where(g => fixture.Cluster.TryGetGrainContext(g.GetGrainId(), out _)).Select(g => fixture.Cluster.DeactivateAsync(g)));
    }
}
