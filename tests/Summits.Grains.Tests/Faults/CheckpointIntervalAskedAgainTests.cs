using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Grains.Tests;

/// <summary>What the tests of a silo that checkpoints every N advances share, for N = 2 and N = 3.</summary>
internal static class AskedAgain
{
    /// <summary>
    /// Runs <see cref="ExactlyOnceAdvanceTests.Short"/> on a new world of <paramref name="fixture"/>, asking for every
    /// advance twice at once and then once more after it answered, and returns the run (the first answer's events)
    /// after checking that the three answers of each advance are the same, byte for byte.
    /// </summary>
    public static async Task<RunResult> TwiceEachAsync(ClusterFixture fixture, LoadedScenario loaded, string prefix)
    {
        var key = $"{prefix}-{Guid.NewGuid():N}";
        var world = fixture.Client.GetGrain<IWorldGrain>(key);
        await world.Seed(loaded.World with { Id = key });
        await world.Start(loaded.Scenario);
        var events = ImmutableArray.CreateBuilder<TimelineEvent>();
        Advance advance;
        var step = 0;
        do
        {
            // The same advance asked twice at once (a client that asked again before the first answer came), then once
            // more (a client whose answer was lost): the world runs it once and answers each with its events.
            var both = await Task.WhenAll(world.Advance(step), world.Advance(step));
            var again = await world.Advance(step);
            advance = both[0];
            Assert.Equal(Json(advance), Json(both[1]));
            Assert.Equal(Json(advance), Json(again));
            events.AddRange(advance.Events);
            step++;
        }
        while (!advance.Finished);
        var final = await world.Snapshot();
        return new RunResult(loaded, loaded.World, final with { Id = loaded.World.Id }, events.ToImmutable(), advance.Failures);
    }

    private static string Json(Advance advance) =>
        $"{advance.Finished} {advance.Failures} {string.Join('\n', advance.Events.Select(SeedWorlds.Json))}";
}

/// <summary>A silo that writes a world's run every second advance and at its last (the short run's 5 advances: after the 2nd, the 4th and the 5th).</summary>
[Collection(CheckpointEvery2Collection.Name)]
public sealed class CheckpointEvery2Tests(CheckpointEvery2Fixture fixture)
{
    [Fact]
    public async Task Each_advance_asked_twice_at_once_and_again_gives_the_clean_runs_bytes()
    {
        // Advances 1, 3 and 5 (of 5) end between checkpoints, 2 and 4 at one; every one is asked three times. The run is
        // held to the pure model's bytes, which a clean run in grains writes (RetriedRun.CleanAsync).
        var loaded = RetriedRun.Parse(ExactlyOnceAdvanceTests.Short);
        var expected = await ScenarioRun.LocallyAsync(loaded);

        var run = await AskedAgain.TwiceEachAsync(fixture, loaded, "twice2");

        Assert.Equal(RunFiles.Timeline(expected), RunFiles.Timeline(run));
        Assert.Equal(RunFiles.State(expected), RunFiles.State(run));
    }

    [Theory]
    [MemberData(nameof(ExactlyOnceAdvanceTests.Faults), MemberType = typeof(ExactlyOnceAdvanceTests))]
    public async Task After_any_single_storage_fault_and_a_retry_a_run_checkpointed_every_2_advances_writes_the_clean_runs_bytes(bool reads, bool afterWriting)
    {
        // The clean run in grains is held to the pure model's bytes (CleanAsync), so a world checkpointed every 2
        // advances writes what --engine local writes.
        // Every storage call of the clean run is tried (ShortRunPoints has the facts). Seeding and the start are as at
        // every advance: 22 writes, 41 reads. The 5 advances have 3 checkpoints, after the 2nd, the 4th and the 5th (the
        // last, not a multiple of 2); each grain changed since the last is written once, its checkpoint holding its state,
        // and the events of the advances since the last checkpoint are one page. Writes: after the 2nd, page 0 (advances
        // 1-2: 1), JP, usfj-realignment and US (3), the world (1): 5; after the 4th, page 1 (advances 3-4: 1), JP, US and
        // usfj-realignment (3), the world (1): 5; after the 5th, page 2 (1), JP and US (2), the world (1): 4.
        // 22 + 5 + 5 + 4 = 36: countries 4 (their seeding), their checkpoints 2 + 2 + 2 = 6, topics 16 (their seeding),
        // their checkpoints 1 + 1 = 2, pages 3, the world 2 + 3 = 5.
        // Reads, every grain deactivated after each advance: advance 1 finds every grain active (0); advance 2, the world
        // (1) goes back to the start and runs advance 1 again (JP, usfj-realignment: 4), then 2 (US, bilateral-fta: 4),
        // and the checkpoint's page: 10; advance 3, the world (1), JP, US, usfj-realignment (6): 7; advance 4, the world
        // (1), advance 3 again (6), then 4 (CN, KP, bilateral-fta: 6) and 1 page: 14; advance 5, the world (1), 4
        // countries and bilateral-fta (10) and 1 page: 12; the snapshot 1 + 40 and the timeline's 3 pages.
        // 41 + 0 + 10 + 7 + 14 + 12 + 41 + 3 = 128.
        await RetriedRun.AssertShortRunSurvivesEveryStorageFaultAsync(fixture, "every2", reads, afterWriting, reads ? 128 : 36,
            "country 4, country-checkpoint 6, timeline 3, topic 16, topic-checkpoint 2, world 5");
    }
}

/// <summary>The same advance asked again at a silo that writes every third advance (after the short run's 3rd and 5th).</summary>
[Collection(CheckpointEvery3Collection.Name)]
public sealed class CheckpointEvery3AskedAgainTests(CheckpointEvery3Fixture fixture)
{
    [Fact]
    public async Task Each_advance_asked_twice_at_once_and_again_gives_the_clean_runs_bytes()
    {
        // Advances 1, 2 and 4 (of 5) end between checkpoints, 3 and 5 at one.
        var loaded = RetriedRun.Parse(ExactlyOnceAdvanceTests.Short);
        var expected = await ScenarioRun.LocallyAsync(loaded);

        var run = await AskedAgain.TwiceEachAsync(fixture, loaded, "twice3");

        Assert.Equal(RunFiles.Timeline(expected), RunFiles.Timeline(run));
        Assert.Equal(RunFiles.State(expected), RunFiles.State(run));
    }
}
