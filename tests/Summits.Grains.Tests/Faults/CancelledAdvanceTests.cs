using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Grains.Tests;

/// <summary>
/// A run cancelled in the middle of an advance leaves its world as it was before the advance or as it is
/// after it, never between, in memory and in storage alike; asked again for the advance, it carries on to
/// the clean run's bytes. The storage holds one chosen call until the test has cancelled, so the
/// cancellation lands at that very point, every time.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CancelledAdvanceTests(ClusterFixture fixture)
{
    public static TheoryData<bool> ReadsToo() => [false, true];

    [Theory]
    [MemberData(nameof(ReadsToo))]
    public async Task A_run_cancelled_at_any_storage_call_of_an_advance_stays_consistent_and_resumes_to_the_clean_runs_bytes(bool reads)
    {
        var loaded = RetriedRun.Parse(ExactlyOnceAdvanceTests.Short);
        var cleanKey = Key();
        var (clean, _) = await RetriedRun.RunAsync(fixture, loaded, cleanKey, deactivate: reads);
        // The world before and after each of the first two advances, and the events they wrote, from the pure model.
        var expected = await LocalAfterAsync(loaded, 2);

        // The advance cancelled is the second (the US's FTA ask, which Japan answers): its storage calls are
        // those after the world's third write (the end of the first advance) up to its fourth, which ends it.
        var calls = fixture.Storage.CallsOn(cleanKey);
        int WorldWrite(int nth) => calls.Select((c, i) => (c, i)).Single(x => x.c is { StateName: "world", Operation: StorageOperation.Write } && x.c.Nth == nth).i;
        var points = calls.Skip(WorldWrite(3) + 1).Take(WorldWrite(4) - WorldWrite(3))
            .Where(c => c.Operation == (reads ? StorageOperation.Read : StorageOperation.Write))
            .ToArray();
        // Writes: the timeline page, Japan's and the US's checkpoint (each holding its state), the world: 4. Reads (every
        // grain deactivated after the first advance): the world's, Japan's, the US's, the FTA table's and their
        // checkpoints, 7, and more.
        Assert.True(points.Length >= (reads ? 7 : 4), $"only {points.Length} points to cancel at");

        var outcomes = new List<string>();
        foreach (var point in points)
        {
            var key = Key();
            var name = $"{point.Operation} {point.Nth} of {point.StateName} on {point.Grain.Key.ToString()![cleanKey.Length..]}";
            var world = fixture.Client.GetGrain<IWorldGrain>(key);
            await world.Seed(loaded.World with { Id = key });
            await world.Start(loaded.Scenario);
            var events = ImmutableArray.CreateBuilder<TimelineEvent>();
            events.AddRange((await world.Advance(0)).Events);
            if (reads)
                await RetriedRun.DeactivateAllAsync(fixture, loaded.World, key, 1);

            var pause = fixture.Storage.Pause(point.Operation, point.StateName, ChosenFaultStorage.Moved(point.Grain, cleanKey, key), point.Nth);
            using var cancellation = new CancellationTokenSource();
            var advancing = world.Advance(1, cancellation.Token);
            await pause.Reached.WaitAsync(TimeSpan.FromSeconds(30));
            await cancellation.CancelAsync();
            pause.Release();
            var cancelled = await Record.ExceptionAsync(() => advancing);
            if (cancelled is not OperationCanceledException)
                outcomes.Add($"{name}: the client saw {cancelled?.GetType().Name ?? "no exception"}, not a cancellation");

            // Consistent: the world counts the advance done or not done, and its grains and its timeline
            // hold exactly the world of that count, read back from every grain.
            var done = await world.Advances();
            if (done is not (1 or 2))
            {
                outcomes.Add($"{name}: {done} advances done");
                continue;
            }
            if (SeedWorlds.Json((await world.Snapshot()) with { Id = "w" }) != SeedWorlds.Json(expected.Worlds[done] with { Id = "w" }))
                outcomes.Add($"{name}: the grains hold another world than after {done} advances");
            if (!(await world.WholeTimelineAsync()).Select(SeedWorlds.Json).SequenceEqual(expected.Events.Take(expected.Counts[done]).Select(SeedWorlds.Json)))
                outcomes.Add($"{name}: another timeline than after {done} advances");

            // Asked again for the advance, the run goes on to its end and writes the clean run's bytes.
            var step = 1;
            Advance advance;
            do
            {
                advance = await world.Advance(step++);
                events.AddRange(advance.Events);
            }
            while (!advance.Finished);
            var run = new RunResult(loaded, loaded.World, (await world.Snapshot()) with { Id = loaded.World.Id }, events.ToImmutable(), advance.Failures);
            if (RunFiles.Timeline(run) != RunFiles.Timeline(clean))
                outcomes.Add($"{name}: the resumed run wrote another timeline");
            else if (RunFiles.State(run) != RunFiles.State(clean))
                outcomes.Add($"{name}: the resumed run wrote another state");
        }
        Assert.Empty(outcomes);
    }

    private sealed record LocalAdvances(World[] Worlds, int[] Counts, ImmutableArray<TimelineEvent> Events);

    /// <summary>The world after 0, 1, … <paramref name="advances"/> advances of the pure model, the number of events by then, and the events.</summary>
    private static async Task<LocalAdvances> LocalAfterAsync(LoadedScenario loaded, int advances)
    {
        var world = new LocalWorld(loaded.World);
        var state = RunState.Begin(loaded.Scenario, loaded.World);
        var runner = new ScenarioRunner(world, state);
        var worlds = new List<World> { world.Snapshot() };
        var counts = new List<int> { 0 };
        var events = ImmutableArray.CreateBuilder<TimelineEvent>();
        for (var n = 0; n < advances; n++)
        {
            world.BeginAdvance();
            events.AddRange(await runner.AdvanceAsync());
            worlds.Add(world.Snapshot());
            counts.Add(events.Count);
        }
        return new LocalAdvances([.. worlds], [.. counts], events.ToImmutable());
    }

    private static string Key() => $"cancel-{Guid.NewGuid():N}";
}
