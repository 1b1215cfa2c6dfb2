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

    /// <summary>
    /// The clean run's writes after its start that a checkpoint makes (of the world, and of the countries, which every
    /// advance of the short run reaches), failed one at a time, before the write lands and after: each run fails once
    /// and then writes the clean run's bytes. Returns the mismatches, in words, and how many points were tried.
    /// </summary>
    public static async Task<(List<string> Mismatches, StorageCall[] Points)> CheckpointWriteFaultsAsync(ClusterFixture fixture, string prefix)
    {
        var loaded = RetriedRun.Parse(ExactlyOnceAdvanceTests.Short);
        var (clean, cleanKey, writes) = await RetriedRun.CleanAsync(fixture, loaded, prefix, reads: false);
        // The world writes at its seeding (1), its start (2), then at each checkpoint (3 on); a country's first write is its seeding.
        StorageCall[] points = [.. writes.Where(c => c.StateName == "world" ? c.Nth >= 3 : c.StateName == "country" && c.Nth >= 2)];
        var mismatches = new List<string>();
        foreach (var afterWriting in new[] { false, true })
            mismatches.AddRange(await RetriedRun.StorageFaultMismatchesAsync(fixture, loaded, (clean, cleanKey, points), prefix, reads: false, afterWriting));
        return (mismatches, points);
    }
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

    [Fact]
    public async Task A_write_failed_at_a_checkpoint_advance_or_at_the_last_advance_off_the_interval_leaves_the_clean_runs_bytes()
    {
        var (mismatches, points) = await AskedAgain.CheckpointWriteFaultsAsync(fixture, "cpfault2");

        // The world is written at the checkpoints after advances 2 and 4 (multiples of N = 2) and after advance 5, the
        // last, which is not: 3 world writes; and each of the 4 countries is written at least once after its seeding.
        Assert.Equal(3, points.Count(p => p.StateName == "world"));
        Assert.True(points.Count(p => p.StateName == "country") >= 4, $"only {points.Count(p => p.StateName == "country")} country writes");
        Assert.Empty(mismatches);
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
